import type { Statement } from 'better-sqlite3';
import { redactPayload } from '../../shared/identity/redact';
import { type Answer, type CommandEnvelope } from '../../shared/protocol';
import { type HallError } from '../../shared/kernel/errors';
import type { Db } from '../db/open';

export interface OutboxItem extends CommandEnvelope {
  n: number;
  createdAt: number;
}

/**
 * Commands made while the hub may be unreachable. An item is written (and fsynced by the
 * transaction) before the caller is told "queued", and leaves the outbox only when the hub has
 * answered it; its opId makes a resend after a lost answer harmless.
 */
export class Outbox {
  private readonly insert: Statement;
  private readonly head: Statement;
  private readonly remove: Statement;
  private readonly reject: Statement;
  private readonly size: Statement;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO outbox (op_id, type, payload, created_at) VALUES (?, ?, ?, ?)');
    this.head = db.prepare('SELECT n, op_id, type, payload, created_at FROM outbox ORDER BY n LIMIT 1');
    this.remove = db.prepare('DELETE FROM outbox WHERE n = ?');
    this.reject = db.prepare('INSERT OR REPLACE INTO outbox_rejected (op_id, type, payload, error, at) VALUES (?, ?, ?, ?, ?)');
    this.size = db.prepare('SELECT count(*) AS c FROM outbox');
  }

  add(envelope: CommandEnvelope, now: number): void {
    this.insert.run(envelope.opId, envelope.type, JSON.stringify(envelope.payload), now);
  }

  first(): OutboxItem | undefined {
    const r = this.head.get() as { n: number; op_id: string; type: string; payload: string; created_at: number } | undefined;
    return r && { n: r.n, opId: r.op_id, type: r.type, payload: JSON.parse(r.payload), createdAt: r.created_at };
  }

  /**
   * Removes an answered item. A refusal is kept in outbox_rejected so the work is not lost
   * silently (redacted: no password, no whole ID number); no screen lists those yet.
   */
  settle(item: OutboxItem, answer: Answer, now: number): void {
    this.db.transaction(() => {
      this.remove.run(item.n);
      if (!answer.ok) this.reject.run(item.opId, item.type, JSON.stringify(redactPayload(item.payload)), JSON.stringify(answer.error), now);
    })();
  }

  count(): number {
    return (this.size.get() as { c: number }).c;
  }

  rejected(): { opId: string; type: string; error: HallError; at: number }[] {
    return (
      this.db.prepare('SELECT op_id, type, error, at FROM outbox_rejected ORDER BY at').all() as {
        op_id: string;
        type: string;
        error: string;
        at: number;
      }[]
    ).map((r) => ({ opId: r.op_id, type: r.type, error: JSON.parse(r.error) as HallError, at: r.at }));
  }
}
