import type { SheetProblem } from '../../../shared/kernel/sheetProblem';
import { useI18n } from '../i18n';
import { DataTable } from './DataTable';

/**
 * Every problem of an imported sheet, one row each: where (the sheet and its column in the sheet's
 * own words, Chinese as the hall fills it) and what, in the reader's language.
 */
export function SheetProblems({ label, problems }: { label: string; problems: readonly SheetProblem[] }) {
  const { t, tError } = useI18n();
  return (
    <DataTable
      label={label}
      rows={problems.map((p, i) => ({ ...p, key: String(i) }))}
      rowKey={(p) => p.key}
      columns={[
        { rowHeader: true, cell: (p) => (p.row ? t('cat.row', { n: p.row }) : '') },
        {
          cell: (p) => (
            <span lang="zh-CN">
              {p.sheet ? `${p.sheet} · ` : ''}
              {p.column}
            </span>
          ),
        },
        { cell: (p) => tError({ code: 'IMPORT_INVALID', message: p.message, reason: p.reason, params: p.params }) },
      ]}
    />
  );
}
