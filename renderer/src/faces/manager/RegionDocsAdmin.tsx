import { useState, type FormEvent } from 'react';
import { takenProxyItems } from '../../../../shared/regiondocs/rules';
import { rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { formatDateTime } from '../../app/time';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { allows, whoMay } from './access';

/**
 * The documents the region sent this hall (a year's holidays, the items its level takes in by
 * proxy), as applied, and the administrator's local exceptions to them: a day the hall is closed
 * beside the city's holidays, an item of its list it does not take in. The region sees them too.
 */
export function RegionDocsAdmin({ staff }: { staff: Row<'staff'> }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const docs = rowsOf(replica, 'region_documents');
  const overrides = rowsOf(replica, 'region_overrides')
    .filter((o) => o.revoked_at === null)
    .sort((a, b) => a.made_at - b.made_at);
  const years = docs.filter((d) => d.kind === 'calendar').sort((a, b) => Number(b.doc_key) - Number(a.doc_key));
  const catalogRow = docs.find((d) => d.kind === 'proxy_catalog');
  const taken = takenProxyItems(catalogRow, overrides);
  const mayChange = allows({ staffRoles: whoMay('regionDoc.addOverride') }, staff.role);
  const [year, setYear] = useState('');
  const [day, setDay] = useState('');
  const [dayNote, setDayNote] = useState('');
  const [code, setCode] = useState('');
  const [codeNote, setCodeNote] = useState('');
  const chosenYear = Number(year || years[0]?.doc_key);
  const chosenCode = code || taken[0] || '';

  const addDay = async (e: FormEvent) => {
    e.preventDefault();
    if (check(await api.command('regionDoc.addOverride', { type: 'extra_holiday', year: chosenYear, day, note: dayNote.trim() }))) {
      setDay('');
      setDayNote('');
    }
  };
  const refuseItem = async (e: FormEvent) => {
    e.preventDefault();
    if (check(await api.command('regionDoc.addOverride', { type: 'refuse_item', code: chosenCode, note: codeNote.trim() }))) {
      setCode('');
      setCodeNote('');
    }
  };
  const docName = (d: Row<'region_documents'>) =>
    d.kind === 'calendar' ? t('rdoc.calendarKey', { key: d.doc_key }) : t(`rdoc.kind.${d.kind}`);

  return (
    <section className="card" aria-label={t('rdoc.hallTitle')}>
      <h2>{t('rdoc.hallTitle')}</h2>
      {docs.length === 0 && <p className="muted">{t('rdoc.hallNone')}</p>}
      <ul className="region-doc-list">
        {[...years, ...(catalogRow ? [catalogRow] : [])].map((d) => (
          <li key={d.id}>
            <strong>{docName(d)}</strong> {t('rdoc.version', { version: d.version })} ·{' '}
            {t('rdoc.appliedAt', { at: formatDateTime(d.applied_at) })}
          </li>
        ))}
      </ul>
      {catalogRow && <p>{taken.length ? t('rdoc.proxyHere', { codes: taken.join(t('list.separator')) }) : t('rdoc.proxyNone')}</p>}
      <DataTable
        label={t('rdoc.overrides')}
        columns={[
          { header: t('rdoc.type'), cell: (o) => t(`rdoc.override.${o.type}`) },
          { header: t('rdoc.value'), cell: (o) => o.value, rowHeader: true },
          { header: t('rdoc.note'), cell: (o) => o.note },
          { header: t('rdoc.madeAt'), cell: (o) => formatDateTime(o.made_at) },
          ...(mayChange
            ? [
                {
                  header: '',
                  cell: (o: Row<'region_overrides'>) => (
                    <button
                      type="button"
                      className="btn"
                      aria-label={t('rdoc.revokeOne', { value: o.value })}
                      onClick={async () => void check(await api.command('regionDoc.revokeOverride', { id: o.id }))}
                    >
                      {t('rdoc.revoke')}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
        rows={overrides}
        rowKey={(o) => o.id}
        empty={t('rdoc.noOverrides')}
      />
      {!mayChange && docs.length > 0 && <p className="muted">{t('mgr.adminOnly')}</p>}
      {mayChange && years.length > 0 && (
        <form className="threshold-form" onSubmit={addDay} aria-label={t('rdoc.addDay')}>
          <label className="inline">
            {t('cal.year')}
            <select value={chosenYear} onChange={(e) => setYear(e.target.value)}>
              {years.map((y) => (
                <option key={y.doc_key} value={y.doc_key}>
                  {y.doc_key}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            {t('rdoc.day')}
            <input type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
          </label>
          <label className="inline">
            {t('rdoc.note')}
            <input value={dayNote} maxLength={200} onChange={(e) => setDayNote(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-primary">
            {t('rdoc.addDay')}
          </button>
        </form>
      )}
      {mayChange && taken.length > 0 && (
        <form className="threshold-form" onSubmit={refuseItem} aria-label={t('rdoc.refuseItem')}>
          <label className="inline">
            {t('rdoc.item')}
            <select value={chosenCode} onChange={(e) => setCode(e.target.value)}>
              {taken.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            {t('rdoc.note')}
            <input value={codeNote} maxLength={200} onChange={(e) => setCodeNote(e.target.value)} />
          </label>
          <button type="submit" className="btn">
            {t('rdoc.refuse')}
          </button>
        </form>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
