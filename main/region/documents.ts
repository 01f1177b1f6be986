import { ErrorCode, HallErrorSchema, type HallError } from '../../shared/kernel/errors';
import type { NodeLevel } from '../../shared/region/board';
import type { DocumentsBoard, HallDocState, Published, PublishRequest } from '../../shared/regiondocs/board';
import { canonicalContent, docKey, RegionDocument } from '../../shared/regiondocs/documents';
import { tableSpecs } from '../../shared/protocol/registry';
import { SUBTREE } from './board';
import type { RegionStore } from './store';
import type { Supervisor } from './supervisors';

/** One lock for publishing: two supervisors publishing at once get versions n and n+1, never the same. */
const PUBLISH_LOCK = 0x5e41_0003;

interface StoredDoc {
  kind: string;
  doc_key: string;
  version: number;
  content: unknown;
  published_by: string;
  published_at: string;
}

const documentOf = (r: StoredDoc): RegionDocument =>
  RegionDocument.parse({ kind: r.kind, version: r.version, publishedAt: Number(r.published_at), content: r.content });

/**
 * The documents the region sends down to every hall, versioned in PostgreSQL: a city supervisor
 * publishes a version (the same content as the latest makes none), every hall is sent the latest
 * version of each document it has not acknowledged, and each hall's answer is kept — the version
 * it acknowledged and when, or why it refused. Publishing and every answer are audited.
 */
export class RegionDocuments {
  constructor(
    private readonly store: RegionStore,
    private readonly clock: () => number,
  ) {}

  /** A new version, numbered after the latest; a city supervisor's alone. */
  async publish(who: Supervisor, request: PublishRequest): Promise<{ ok: true; published: Published } | { ok: false; error: HallError }> {
    if (who.level !== 'city') {
      await this.store.audit(this.clock(), who.login, 'document.publish.refused', JSON.stringify({ kind: request.kind }));
      return { ok: false, error: { code: ErrorCode.FORBIDDEN, message: '全市统一下发的文件只能由市级监管人员发布' } };
    }
    const now = this.clock();
    const draft = { ...request, version: 1, publishedAt: now } as RegionDocument;
    const key = docKey(draft);
    const published = await this.store.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
      const { rows } = await c.query<StoredDoc>(
        'SELECT * FROM region_documents WHERE kind = $1 AND doc_key = $2 ORDER BY version DESC LIMIT 1',
        [request.kind, key],
      );
      const latest = rows[0] && documentOf(rows[0]);
      if (latest && canonicalContent(latest) === canonicalContent(draft))
        return { kind: request.kind, key, version: latest.version, created: false };
      const version = (latest?.version ?? 0) + 1;
      await c.query(
        'INSERT INTO region_documents (kind, doc_key, version, content, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [request.kind, key, version, canonicalContent(draft), who.login, now],
      );
      return { kind: request.kind, key, version, created: true };
    });
    await this.store.audit(now, who.login, 'document.publish', JSON.stringify(published));
    return { ok: true, published };
  }

  /** The latest version of every document. */
  async latest(): Promise<{ key: string; publishedBy: string; document: RegionDocument }[]> {
    const { rows } = await this.store.pool.query<StoredDoc>(
      'SELECT DISTINCT ON (kind, doc_key) * FROM region_documents ORDER BY kind, doc_key, version DESC',
    );
    return rows.map((r) => ({ key: r.doc_key, publishedBy: r.published_by, document: documentOf(r) }));
  }

  /**
   * What to send the hall: the latest version of each document it has neither acknowledged nor
   * refused (a refused version is sent again only when the hall reconnects: `retryRefused`), and the
   * proxy catalog again when the hall was placed at another level since it acknowledged it.
   */
  async pendingFor(hallId: string, level: NodeLevel | null, { retryRefused = false } = {}): Promise<RegionDocument[]> {
    const { rows } = await this.store.pool.query<StoredDoc>(
      `SELECT d.* FROM (SELECT DISTINCT ON (kind, doc_key) * FROM region_documents ORDER BY kind, doc_key, version DESC) d
       LEFT JOIN region_document_acks a ON a.hall_id = $1 AND a.kind = d.kind AND a.doc_key = d.doc_key
       WHERE (a.version IS NULL OR a.version < d.version OR (d.kind = 'proxy_catalog' AND a.level IS DISTINCT FROM $3))
         AND ($2 OR a.refused_version IS DISTINCT FROM d.version)
       ORDER BY d.kind, d.doc_key`,
      [hallId, retryRefused, level],
    );
    return rows.map(documentOf);
  }

  /** The level of the node the hall is placed at: which proxy list is its own. */
  async levelOf(hallId: string): Promise<NodeLevel | null> {
    const { rows } = await this.store.pool.query<{ level: NodeLevel | null }>(
      'SELECT n.level FROM region_halls h LEFT JOIN region_nodes n ON n.id = h.node_id WHERE h.hall_id = $1',
      [hallId],
    );
    return rows[0]?.level ?? null;
  }

  async acknowledged(hallId: string, doc: RegionDocument, level: NodeLevel | null): Promise<void> {
    const now = this.clock();
    const key = docKey(doc);
    await this.store.pool.query(
      `INSERT INTO region_document_acks (hall_id, kind, doc_key, version, acked_at, level) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (hall_id, kind, doc_key) DO UPDATE SET version = excluded.version, acked_at = excluded.acked_at,
         level = excluded.level, refused_version = NULL, refused_error = NULL`,
      [hallId, doc.kind, key, doc.version, now, level],
    );
    await this.store.audit(now, null, 'document.ack', JSON.stringify({ hallId, kind: doc.kind, key, version: doc.version, level }));
  }

  async refused(hallId: string, doc: RegionDocument, error: HallError): Promise<void> {
    const now = this.clock();
    const key = docKey(doc);
    await this.store.pool.query(
      `INSERT INTO region_document_acks (hall_id, kind, doc_key, refused_version, refused_error) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (hall_id, kind, doc_key) DO UPDATE SET refused_version = excluded.refused_version, refused_error = excluded.refused_error`,
      [hallId, doc.kind, key, doc.version, JSON.stringify(error)],
    );
    await this.store.audit(
      now,
      null,
      'document.refused',
      JSON.stringify({ hallId, kind: doc.kind, key, version: doc.version, code: error.code, message: error.message }),
    );
  }

  /** The documents page for a supervisor: the latest versions, and each hall of their subtree with what it applied and its exceptions. */
  async board(who: Supervisor): Promise<DocumentsBoard> {
    const latest = await this.latest();
    const { rows: halls } = await this.store.pool.query<{ hall_id: string; name: string; path: string[] }>(SUBTREE, [who.nodeId]);
    const ids = halls.map((h) => h.hall_id);
    const { rows: acks } = await this.store.pool.query<{
      hall_id: string;
      kind: string;
      doc_key: string;
      version: number | null;
      acked_at: string | null;
      refused_version: number | null;
      refused_error: unknown;
    }>('SELECT * FROM region_document_acks WHERE hall_id = ANY($1)', [ids]);
    const { rows: hallRows } = await this.store.pool.query<{ hall_id: string; tbl: string; row: unknown }>(
      "SELECT hall_id, tbl, row FROM hall_rows WHERE hall_id = ANY($1) AND tbl IN ('region_documents', 'region_overrides')",
      [ids],
    );
    const applied = hallRows
      .filter((r) => r.tbl === 'region_documents')
      .map((r) => ({ hallId: r.hall_id, ...tableSpecs.region_documents.row.parse(r.row) }));
    const overrides = hallRows
      .filter((r) => r.tbl === 'region_overrides')
      .map((r) => ({ hallId: r.hall_id, ...tableSpecs.region_overrides.row.parse(r.row) }))
      .filter((o) => o.revoked_at === null)
      .sort((a, b) => a.made_at - b.made_at);
    return {
      mayPublish: who.level === 'city',
      latest,
      halls: halls.map((h) => ({
        hallId: h.hall_id,
        name: h.name,
        path: h.path,
        docs: latest.map(({ key, document }): HallDocState => {
          const mine = applied.find((a) => a.hallId === h.hall_id && a.kind === document.kind && a.doc_key === key);
          const ack = acks.find((a) => a.hall_id === h.hall_id && a.kind === document.kind && a.doc_key === key);
          return {
            kind: document.kind,
            key,
            applied: mine ? { version: mine.version, appliedAt: mine.applied_at } : null,
            acked: ack?.version != null ? { version: ack.version, ackedAt: Number(ack.acked_at) } : null,
            refused:
              ack?.refused_version != null ? { version: ack.refused_version, error: HallErrorSchema.parse(ack.refused_error) } : null,
          };
        }),
        overrides: overrides
          .filter((o) => o.hallId === h.hall_id)
          .map((o) => ({ id: o.id, kind: o.kind, key: o.doc_key, type: o.type, value: o.value, note: o.note, madeAt: o.made_at })),
      })),
    };
  }
}
