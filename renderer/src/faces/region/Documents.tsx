import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { listEntries, parseDateList } from '../../../../shared/calendar/rules';
import { PROXY_LEVELS } from '../../../../shared/regiondocs/enums';
import { DocumentsBoard, Published, type HallDocState, type PublishRequest } from '../../../../shared/regiondocs/board';
import { httpCall } from '../../app/phonePost';
import { formatDateTime } from '../../app/time';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, type Problem } from '../../ui/ErrorLine';

const PackageYear = z.object({ year: z.number(), holidays: z.array(z.string()), workdays: z.array(z.string()) });
type Level = (typeof PROXY_LEVELS)[number];
type InfoKey = 'rdoc.published' | 'rdoc.unchanged' | 'rdoc.imported';

/**
 * The documents sent down to every hall: a city supervisor enters (or imports) a year's holidays and
 * 调休 working days, and each level's list of items taken in by proxy, and publishes them as new
 * versions; every supervisor sees which version each hall of their subtree applied, when it
 * acknowledged it, what it refused, and the hall's own exceptions.
 */
export function Documents({ token }: { token: string }) {
  const { t, tError } = useI18n();
  const [board, setBoard] = useState<DocumentsBoard | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  // Kept as a label and its values, so that it follows a change of language.
  const [info, setInfo] = useState<{ key: InfoKey; vars: Record<string, number> } | null>(null);
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [codes, setCodes] = useState<Record<Level, string>>({ county: '', township: '', village: '' });
  const auth = { authorization: `Bearer ${token}` };

  // Bumped after a publish, to load the board again at once.
  const [published, setPublished] = useState(0);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const answer = await httpCall('/api/documents', { headers: { authorization: `Bearer ${token}` } }, DocumentsBoard);
      if (!live) return;
      if (answer.ok) setBoard(answer.result);
      else setError(answer.error);
    };
    void load();
    // The halls acknowledge within seconds, or when they come back: the page follows them.
    const timer = setInterval(() => void load(), 5000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token, published]);

  const publish = async (request: PublishRequest) => {
    const answer = await httpCall(
      '/api/documents',
      { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(request) },
      Published,
    );
    if (!answer.ok) return setError(answer.error);
    setError(null);
    setInfo({ key: answer.result.created ? 'rdoc.published' : 'rdoc.unchanged', vars: { version: answer.result.version } });
    setPublished((n) => n + 1);
  };
  const publishYear = (e: FormEvent) => {
    e.preventDefault();
    const h = parseDateList(holidays, year);
    const w = parseDateList(workdays, year);
    if (!h.ok || !w.ok)
      return setError(t('cal.badDates', { list: [...(h.ok ? [] : h.bad), ...(w.ok ? [] : w.bad)].join(t('list.separator')) }));
    void publish({ kind: 'calendar', content: { year, holidays: h.dates, workdays: w.dates } });
  };
  const importYear = async () => {
    const answer = await httpCall(`/api/documents/package-year?year=${year}`, { headers: auth }, PackageYear);
    if (!answer.ok) return setError(answer.error);
    setError(null);
    setHolidays(answer.result.holidays.join('\n'));
    setWorkdays(answer.result.workdays.join('\n'));
    setInfo({ key: 'rdoc.imported', vars: { year } });
  };
  const publishCatalog = (e: FormEvent) => {
    e.preventDefault();
    const levels = Object.fromEntries(PROXY_LEVELS.map((l) => [l, [...new Set(listEntries(codes[l]))]])) as Record<Level, string[]>;
    void publish({ kind: 'proxy_catalog', content: { levels } });
  };

  const docName = (kind: HallDocState['kind'], key: string) =>
    kind === 'calendar' ? t('rdoc.calendarKey', { key }) : t(`rdoc.kind.${kind}`);
  const latest = board?.latest ?? [];
  const state = (d: HallDocState | undefined, version: number) => {
    if (!d) return t('rdoc.notYet');
    if (d.refused && d.refused.version >= (d.acked?.version ?? 0))
      return t('rdoc.refused', { version: d.refused.version, reason: tError(d.refused.error) });
    if (d.acked && d.acked.version >= version) return t('rdoc.applied', { version: d.acked.version, at: formatDateTime(d.acked.ackedAt) });
    if (d.applied) return t('rdoc.behind', { version: d.applied.version });
    return t('rdoc.notYet');
  };

  return (
    <section className="card region-docs" aria-label={t('rdoc.title')}>
      <h2>{t('rdoc.title')}</h2>
      <h3>{t('rdoc.latest')}</h3>
      {latest.length === 0 ? (
        <p className="muted">{t('rdoc.none')}</p>
      ) : (
        <ul className="region-doc-list">
          {latest.map(({ key, publishedBy, document }) => (
            <li key={`${document.kind}/${key}`}>
              <strong>{docName(document.kind, key)}</strong> {t('rdoc.version', { version: document.version })} ·{' '}
              {t('rdoc.publishedBy', { who: publishedBy, at: formatDateTime(document.publishedAt) })}
            </li>
          ))}
        </ul>
      )}
      {board && !board.mayPublish && <p className="muted">{t('rdoc.cityOnly')}</p>}
      {board?.mayPublish && (
        <div className="region-doc-forms">
          <form className="region-doc-form" onSubmit={publishYear} aria-label={t('rdoc.calendarForm')}>
            <h3>{t('rdoc.calendarForm')}</h3>
            <div className="region-doc-year">
              <label className="inline">
                {t('cal.year')}
                <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
              </label>
              <button type="button" className="btn" onClick={() => void importYear()}>
                {t('rdoc.import')}
              </button>
            </div>
            <label>
              {t('cal.holidays')}
              <textarea rows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} placeholder="2027-01-01 2027-02-06 …" />
            </label>
            <label>
              {t('cal.workdays')}
              <textarea rows={2} value={workdays} onChange={(e) => setWorkdays(e.target.value)} placeholder="2027-02-14 …" />
            </label>
            <button type="submit" className="btn btn-primary">
              {t('rdoc.publishYear')}
            </button>
          </form>
          <form className="region-doc-form" onSubmit={publishCatalog} aria-label={t('rdoc.catalogForm')}>
            <h3>{t('rdoc.catalogForm')}</h3>
            {PROXY_LEVELS.map((l) => (
              <label key={l}>
                {t('rdoc.codes', { level: t(`rdoc.level.${l}`) })}
                <textarea
                  rows={2}
                  value={codes[l]}
                  onChange={(e) => setCodes({ ...codes, [l]: e.target.value })}
                  placeholder="SX-AMR-001 …"
                />
              </label>
            ))}
            <button type="submit" className="btn btn-primary">
              {t('rdoc.publishCatalog')}
            </button>
          </form>
        </div>
      )}
      <ErrorLine error={error} />
      {info && (
        <p className="info" role="status">
          {t(info.key, info.vars)}
        </p>
      )}
      <h3>{t('rdoc.halls')}</h3>
      <DataTable
        label={t('rdoc.halls')}
        columns={[
          { header: t('rdoc.hall'), cell: (h) => h.name, rowHeader: true },
          ...latest.map(({ key, document }) => ({
            header: t('rdoc.column', { doc: docName(document.kind, key), version: t('rdoc.version', { version: document.version }) }),
            cell: (h: DocumentsBoard['halls'][number]) =>
              state(
                h.docs.find((d) => d.kind === document.kind && d.key === key),
                document.version,
              ),
          })),
          {
            header: t('rdoc.overrides'),
            cell: (h) =>
              h.overrides.length === 0
                ? t('rdoc.noOverrides')
                : h.overrides
                    .map((o) => {
                      const override = `${t(`rdoc.override.${o.type}`)} ${o.value}`;
                      return o.note ? t('rdoc.overrideNote', { override, note: o.note }) : override;
                    })
                    .join(t('list.separator')),
          },
        ]}
        rows={board?.halls ?? []}
        rowKey={(h) => h.hallId}
        empty={t('region.none')}
      />
    </section>
  );
}
