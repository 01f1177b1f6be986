import { useState, type FormEvent } from 'react';
import { ITEM_KINDS, ITEM_MODES } from '../../../../shared/catalog/enums';
import {
  CATALOG_COLUMNS,
  CatalogItemInput,
  OPTIONAL_COLUMNS,
  parseCatalogSheet,
  parseCsv,
  type ImportProblem,
} from '../../../../shared/catalog/sheet';
import { LIMIT_UNITS } from '../../../../shared/calendar/enums';
import { listColumn } from '../../../../shared/catalog/guide';
import { ErrorCode } from '../../../../shared/kernel/errors';
import { inputProblem } from '../../../../shared/kernel/input';
import { REFUSALS } from '../../../../shared/protocol/refusals';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n, type Translate } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { SheetProblems } from '../../ui/SheetProblems';
import { sheetProblem, sheetRefusals } from '../../../../shared/kernel/sheetProblem';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';

/** A spreadsheet as rows of text cells: CSV in UTF-8 (or GBK, as Chinese Excel saves it), or XLSX. */
export async function readCatalogFile(file: File): Promise<string[][]> {
  if (/\.xlsx$/i.test(file.name)) {
    // Loaded only when an XLSX is chosen: the zip reader is most of its weight.
    const { readSheet } = await import('read-excel-file/browser');
    const sheet = await readSheet(file);
    return sheet.map((row) =>
      row.map((cell) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell))),
    );
  }
  const bytes = await file.arrayBuffer();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gbk').decode(bytes);
  }
  return parseCsv(text);
}

/** An editor field of one entry per line (materials, steps). */
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((m) => m.trim())
    .filter(Boolean);

const formatFee = (t: Translate, cents: number): string => (cents === 0 ? t('cat.free') : t('cat.yuan', { n: (cents / 100).toFixed(2) }));

/** The service catalog: import a sheet (checked here first, then by the hub), or edit one item. */
export function CatalogAdmin() {
  const { api, replica } = useHall();
  const { t, tNodes } = useI18n();
  const { error, check } = useCommandError();
  const [file, setFile] = useState<{ name: string; rows: string[][]; problems: ImportProblem[]; count: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row<'catalog_items'> | 'new' | null>(null);
  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const services = rowsOf(replica, 'services');
  const items = rowsOf(replica, 'catalog_items').sort((a, b) => a.code.localeCompare(b.code));
  const lookups = {
    departmentByName: new Map(departments.map((d) => [d.name, d.id])),
    serviceByKey: new Map(services.flatMap((s) => [[s.name, s.id] as const, [s.prefix, s.id] as const])),
  };

  const pick = async (f: File | undefined) => {
    setDone(null);
    if (!f) return setFile(null);
    try {
      const rows = await readCatalogFile(f);
      const { items: good, problems } = parseCatalogSheet(rows, lookups);
      setFile({ name: f.name, rows, problems, count: good.length });
    } catch (e) {
      setFile({
        name: f.name,
        rows: [],
        problems: [sheetProblem({ row: 0, column: '' }, sheetRefusals.unreadable, { detail: (e as Error).message })],
        count: 0,
      });
    }
  };
  const importNow = async () => {
    if (!file) return;
    const outcome = await api.command('catalog.import', { fileName: file.name, rows: file.rows });
    if (check(outcome) && outcome.ok === true) {
      setDone(t('cat.imported', { created: outcome.result.created, updated: outcome.result.updated }));
      setFile(null);
    }
  };

  return (
    <section className="card" aria-label={t('cat.title')}>
      <div className="case-head">
        <h2>{t('cat.title')}</h2>
        <span className="muted">{t('cat.count', { n: items.length })}</span>
        <button type="button" className="btn small" onClick={() => setEditing('new')}>
          {t('cat.add')}
        </button>
      </div>
      <div className="row">
        <label>
          {t('cat.file')}
          <input type="file" accept=".csv,.xlsx" onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
        <span className="muted">
          {/* The sheet's headers are Chinese in every language: the file is read by them. */}
          {tNodes('cat.columns', {
            columns: (
              <span lang="zh-CN">
                {Object.values(CATALOG_COLUMNS)
                  .filter((c) => !OPTIONAL_COLUMNS.includes(c))
                  .join(t('list.separator'))}
              </span>
            ),
            optional: <span lang="zh-CN">{OPTIONAL_COLUMNS.join(t('list.separator'))}</span>,
          })}
        </span>
      </div>
      {file && (
        <div className="import-report" aria-label={t('cat.report')}>
          {file.problems.length === 0 ? (
            <p className="info">{t('cat.ready', { name: file.name, n: file.count })}</p>
          ) : (
            <>
              <p className="error">{t('cat.problems', { name: file.name, n: file.problems.length })}</p>
              <SheetProblems label={t('cat.report')} problems={file.problems} />
            </>
          )}
          {file.problems.length === 0 && (
            <button type="button" className="btn btn-primary" onClick={() => void importNow()}>
              {t('cat.import', { n: file.count })}
            </button>
          )}
        </div>
      )}
      {done && <p className="info">{done}</p>}
      <ErrorLine error={error} />
      <div className="scroll">
        <DataTable
          label={t('cat.list')}
          rows={items}
          rowKey={(i) => i.id}
          rowClass={(i) => (i.active ? '' : 'revoked')}
          columns={[
            { header: t('cat.code'), className: 'mono', cell: (i) => i.code },
            { header: t('case.item'), cell: (i) => i.name },
            { header: t('sup.department'), cell: (i) => rowById(replica, 'departments', i.department_id)?.name },
            { header: t('cat.kind'), cell: (i) => `${t(`catalog.kind.${i.kind}`)} · ${t(`catalog.mode.${i.mode}`)}` },
            { header: t('cat.limits'), cell: (i) => `${i.statutory_limit} → ${i.promised_limit} ${t(`limitUnit.${i.limit_unit}`)}` },
            { header: t('cat.fee'), cell: (i) => formatFee(t, i.fee_cents) },
            {
              cell: (i) => (
                <button type="button" className="btn small" aria-label={t('cat.editOne', { name: i.name })} onClick={() => setEditing(i)}>
                  {t('cat.edit')}
                </button>
              ),
            },
          ]}
        />
      </div>
      {editing && <ItemEditor item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function ItemEditor({ item, onClose }: { item: Row<'catalog_items'> | null; onClose: () => void }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check, setError } = useCommandError();
  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const services = rowsOf(replica, 'services').sort((a, b) => a.sort - b.sort);
  const [v, setV] = useState({
    code: item?.code ?? '',
    name: item?.name ?? '',
    departmentId: item?.department_id ?? departments[0]?.id ?? '',
    kind: item?.kind ?? 'licensing',
    mode: item?.mode ?? 'promised',
    statutoryLimit: item?.statutory_limit ?? 20,
    promisedLimit: item?.promised_limit ?? 10,
    limitUnit: item?.limit_unit ?? 'working_days',
    fee: item ? String(item.fee_cents / 100) : '0',
    materials: item ? listColumn(item.materials).join('\n') : '',
    legalBasis: item?.legal_basis ?? '',
    serviceId: item?.service_id ?? '',
    active: item ? item.active === 1 : true,
    keywords: item?.keywords ?? '',
    steps: item ? listColumn(item.steps).join('\n') : '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The fee is typed in yuan and sent in cents: the field itself is not part of the item (a strict object).
    const { fee, ...fields } = v;
    const parsed = CatalogItemInput.safeParse({
      ...fields,
      statutoryLimit: Number(v.statutoryLimit),
      promisedLimit: Number(v.promisedLimit),
      feeCents: Math.round(Number(fee) * 100),
      materials: lines(v.materials),
      steps: lines(v.steps),
      serviceId: v.serviceId || null,
    });
    if (!parsed.success)
      return setError({
        code: ErrorCode.VALIDATION_FAILED,
        message: parsed.error.issues[0]?.message ?? '',
        ...inputProblem(parsed.error.issues, REFUSALS),
      });
    if (check(await api.command('catalog.save', { itemId: item?.id ?? `${crypto.randomUUID()}`, item: parsed.data }))) onClose();
  };
  return (
    <Dialog title={item ? t('cat.editOne', { name: item.name }) : t('cat.add')} onClose={onClose}>
      <form className="dialog-form grid2" onSubmit={submit} aria-label={t('cat.editor')}>
        <label>
          {t('cat.code')}
          <input value={v.code} onChange={set('code')} required autoFocus />
        </label>
        <label>
          {t('case.item')}
          <input value={v.name} onChange={set('name')} required />
        </label>
        <label>
          {t('sup.department')}
          <select value={v.departmentId} onChange={set('departmentId')}>
            <Options items={departments} value={(d) => d.id} label={(d) => d.name} />
          </select>
        </label>
        <label>
          {t('cat.kind')}
          <select value={v.kind} onChange={set('kind')}>
            <Options items={ITEM_KINDS} label={(k) => t(`catalog.kind.${k}`)} />
          </select>
        </label>
        <label>
          {t('cat.mode')}
          <select value={v.mode} onChange={set('mode')}>
            <Options items={ITEM_MODES} label={(k) => t(`catalog.mode.${k}`)} />
          </select>
        </label>
        <label>
          {t('cat.unit')}
          <select value={v.limitUnit} onChange={set('limitUnit')}>
            <Options items={LIMIT_UNITS} label={(k) => t(`limitUnit.${k}`)} />
          </select>
        </label>
        <label>
          {t('cat.statutory')}
          <input type="number" min={0} value={v.statutoryLimit} onChange={set('statutoryLimit')} />
        </label>
        <label>
          {t('cat.promised')}
          <input type="number" min={0} value={v.promisedLimit} onChange={set('promisedLimit')} />
        </label>
        <label>
          {t('cat.feeYuan')}
          <input value={v.fee} onChange={set('fee')} inputMode="decimal" />
        </label>
        <label>
          {t('cat.service')}
          <select value={v.serviceId} onChange={set('serviceId')}>
            <option value="">—</option>
            <Options items={services} value={(s) => s.id} label={(s) => `${s.prefix} ${s.name}`} />
          </select>
        </label>
        <label className="wide">
          {t('cat.materials')}
          <textarea rows={4} value={v.materials} onChange={set('materials')} />
        </label>
        <label className="wide">
          {t('cat.steps')}
          <textarea rows={4} value={v.steps} onChange={set('steps')} placeholder={t('cat.stepsHint')} />
        </label>
        <label className="wide">
          {t('cat.keywords')}
          <input value={v.keywords} onChange={set('keywords')} placeholder={t('cat.keywordsHint')} />
        </label>
        <label className="wide">
          {t('cat.basis')}
          <textarea rows={2} value={v.legalBasis} onChange={set('legalBasis')} />
        </label>
        <label className="radio">
          <input type="checkbox" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
          {t('cat.active')}
        </label>
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-primary">
          {t('cat.save')}
        </button>
      </form>
    </Dialog>
  );
}
