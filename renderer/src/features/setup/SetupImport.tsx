import { useState } from 'react';
import { rowsOf } from '../../../../shared/protocol';
import { SETUP_SHEETS, setupProblems, type HallSetupSheet, type SetupProblem } from '../../../../shared/setup/sheet';
import { sheetFromWorkbook } from '../../../../shared/setup/workbook';
import type { ImportCounts } from '../../../../shared/setup/commands';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { ErrorLine } from '../../ui/ErrorLine';
import { SheetProblems } from '../../ui/SheetProblems';
import { useSetupCommand } from './useSetupCommand';

/** Every sheet of an XLSX workbook as rows of text cells, by sheet name. */
async function readWorkbook(file: File): Promise<Record<string, string[][]>> {
  // Loaded only when a workbook is chosen: the zip reader is most of its weight.
  const { default: readXlsxFile } = await import('read-excel-file/browser');
  const sheets = await readXlsxFile(file);
  return Object.fromEntries(
    sheets.map(({ sheet, data }) => [
      sheet,
      data.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell)))),
    ]),
  );
}

/**
 * The whole setup from a workbook: checked here first (every problem, at once, by sheet and row)
 * and again by the hub, which imports it whole or not at all.
 */
export function SetupImport() {
  const { replica } = useHall();
  const { t } = useI18n();
  const [file, setFile] = useState<{ sheet: HallSetupSheet | null; problems: SetupProblem[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, run } = useSetupCommand();
  const counts = (c: ImportCounts) => t('hs.importRows', c);
  const sizes = (s: HallSetupSheet): ImportCounts => ({
    zones: s.zones.length,
    departments: s.departments.length,
    services: s.services.length,
    counters: s.counters.length,
    staff: s.staff.length,
  });
  const pick = async (f: File | undefined) => {
    setDone(null);
    if (!f) return setFile(null);
    const read = sheetFromWorkbook(await readWorkbook(f));
    const known = {
      zones: new Set(rowsOf(replica, 'zones').map((z) => z.name)),
      departments: new Set(rowsOf(replica, 'departments').map((d) => d.name)),
      prefixes: new Set(rowsOf(replica, 'services').map((s) => s.prefix)),
    };
    setFile(read.sheet ? { sheet: read.sheet, problems: setupProblems(read.sheet, known) } : read);
  };
  return (
    <section className="card setup-import" aria-label={t('hs.import')}>
      <h2>{t('hs.import')}</h2>
      <p className="muted">
        {t('hs.importHelp')} <span lang="zh-CN">{Object.values(SETUP_SHEETS).join('、')}</span>
        {t('hs.importRule')}
      </p>
      <label>
        {t('hs.importFile')}
        <input type="file" accept=".xlsx" onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
      {file && file.problems.length > 0 && (
        <div role="alert" className="error">
          <p>{t('hs.problems', { n: file.problems.length })}</p>
          <SheetProblems label={t('hs.import')} problems={file.problems} />
        </div>
      )}
      {file?.sheet && file.problems.length === 0 && (
        <div className="row">
          <span>{counts(sizes(file.sheet))}</span>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={async () => {
              const outcome = await run('setup.import', { sheet: file.sheet! });
              if (outcome?.ok === true) {
                setDone(t('hs.imported', { what: counts(outcome.result.counts) }));
                setFile(null);
              }
            }}
          >
            {t('hs.importGo')}
          </button>
        </div>
      )}
      <ErrorLine error={error} />
      {done && <p className="info">{done}</p>}
    </section>
  );
}
