import { useState, type FormEvent } from 'react';
import { listEntries, parseDateList } from '../../../../shared/calendar/rules';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { allows, whoMay } from './access';

/** The working-day calendar: which years are known, an administrator's year, duty days, supervision settings. */
export function CalendarAdmin({ staff }: { staff: Row<'staff'> }) {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const { error, check, setError } = useCommandError();
  const [saved, setSaved] = useState<string | null>(null);
  const years = rowsOf(replica, 'calendar_years').sort((a, b) => b.year - a.year);
  const thisYear = Number(day.slice(0, 4));
  const nextMissing = [thisYear, thisYear + 1].find((y) => !years.some((r) => r.year === y));
  const [year, setYear] = useState(nextMissing ?? thisYear + 1);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const settings = parseCaseSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.case_settings ?? '{}');
  const [duty, setDuty] = useState(settings.dutyDays.join('\n'));
  const [share, setShare] = useState(Math.round(settings.yellowShare * 100));
  const [phone, setPhone] = useState(settings.complaintPhone);
  const maySetYear = allows({ staffRoles: whoMay('calendar.setYear') }, staff.role);

  const saveYear = async (e: FormEvent) => {
    e.preventDefault();
    const h = parseDateList(holidays, year);
    const w = parseDateList(workdays, year);
    if (!h.ok || !w.ok)
      return setError(t('cal.badDates', { list: [...(h.ok ? [] : h.bad), ...(w.ok ? [] : w.bad)].join(t('list.separator')) }));
    const outcome = await api.command('calendar.setYear', { year, holidays: h.dates, workdays: w.dates });
    if (check(outcome) && outcome.ok === true) setSaved(t('cal.saved', { year, n: outcome.result.recomputed }));
  };
  const saveSettings = async (e: FormEvent) => {
    e.preventDefault();
    const dutyDays = listEntries(duty);
    const outcome = await api.command('hall.setCaseSettings', { dutyDays, yellowShare: share / 100, complaintPhone: phone.trim() });
    if (check(outcome) && outcome.ok === true) setSaved(t('cal.settingsSaved', { n: outcome.result.recomputed }));
  };
  return (
    <section className="card" aria-label={t('cal.title')}>
      <h2>{t('cal.title')}</h2>
      {[thisYear, thisYear + 1]
        .filter((y) => !years.some((r) => r.year === y))
        .map((y) => (
          <p key={y} className="alert" role="alert">
            {t('cal.missing', { year: y })}
          </p>
        ))}
      <p className="muted">
        {t('cal.known')}
        {years.slice(0, 6).map((r) => (
          <span key={r.year} className="year-chip">
            {r.year} {t(`cal.source.${r.source}`)}
          </span>
        ))}
      </p>
      {!maySetYear && <p className="muted">{t('mgr.adminOnly')}</p>}
      {maySetYear && (
        <form className="threshold-form" onSubmit={saveYear} aria-label={t('cal.enterYear')}>
          <label className="inline">
            {t('cal.year')}
            <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
          </label>
          <label>
            {t('cal.holidays')}
            <textarea rows={3} value={holidays} onChange={(e) => setHolidays(e.target.value)} placeholder="2027-01-01 2027-02-06 …" />
          </label>
          <label>
            {t('cal.workdays')}
            <textarea rows={3} value={workdays} onChange={(e) => setWorkdays(e.target.value)} placeholder="2027-02-14 …" />
          </label>
          <button type="submit" className="btn btn-primary">
            {t('cal.saveYear')}
          </button>
        </form>
      )}
      <form className="threshold-form" onSubmit={saveSettings} aria-label={t('cal.settings')}>
        <label>
          {t('cal.duty')}
          <textarea rows={2} value={duty} onChange={(e) => setDuty(e.target.value)} />
        </label>
        <label className="inline">
          {t('cal.share')}
          <input type="number" min={50} max={100} value={share} onChange={(e) => setShare(Number(e.target.value))} />
        </label>
        <label className="inline">
          {t('cal.phone')}
          <input value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <button type="submit" className="btn">
          {t('cal.saveSettings')}
        </button>
      </form>
      <ErrorLine error={error} />
      {saved && <p className="info">{saved}</p>}
    </section>
  );
}
