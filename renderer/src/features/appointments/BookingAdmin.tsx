import { useState } from 'react';
import { noShowRate, utilisation } from '../../../../shared/appointments/queries';
import type { TemplateLine } from '../../../../shared/appointments/rules';
import { percentText } from '../../../../shared/kernel/percent';
import { parseBookingSettings, type BookingSettings } from '../../../../shared/appointments/settings';
import { rowById, rowsOf } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n, type Key } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { useDraft } from '../../ui/useDraft';
import { WEEKEND_BOOKING, type WeekendBooking } from '../../../../shared/appointments/enums';
import { BlackoutDays, BlockLifts } from './BookingDays';
import { DataTable } from '../../ui/DataTable';
import { DateRange } from '../../ui/DateRange';
import { Options } from '../../ui/Options';

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const NUMBER_SETTINGS = [
  'minDaysAhead',
  'maxDaysAhead',
  'perPersonPerDay',
  'cancelHoursBefore',
  'noShowLimit',
  'noShowWindowDays',
  'blockMonths',
  'earlyMinutes',
  'lateMinutes',
] as const satisfies readonly (keyof BookingSettings)[];

/** 预约设置: the hall's booking rules and each service's slot template (checked again at the hub). */
export function BookingAdmin() {
  return (
    <>
      <BookingFigures />
      <BookingSettingsForm />
      <TemplateEditor />
      <BlackoutDays />
      <BlockLifts />
    </>
  );
}

const percent = (x: number | null) => (x === null ? '—' : `${percentText(x)}%`);

/** 预约 figures by service over a period (this month so far, by default): counts and the rates made from them. */
function BookingFigures() {
  const { replica } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const [range, setRange] = useState({ from: `${day.slice(0, 8)}01`, to: day });
  const { result, error } = useHubQuery('booking.figures', range, 0);
  const rows = result?.rows ?? [];
  return (
    <section className="card" aria-label={t('bookAdmin.figures')}>
      <strong>{t('bookAdmin.figures')}</strong>
      <div className="row">
        <DateRange
          from={range.from}
          to={range.to}
          onFrom={(from) => from && setRange({ ...range, from })}
          onTo={(to) => to && setRange({ ...range, to })}
        />
      </div>
      <DataTable
        label={t('bookAdmin.figures')}
        rows={rows}
        rowKey={(r) => r.serviceId}
        empty={result ? t('bookAdmin.noFigures') : undefined}
        columns={[
          { header: t('bookAdmin.service'), cell: (r) => rowById(replica, 'services', r.serviceId)?.name ?? r.serviceId },
          { header: t('bookAdmin.bookings'), cell: (r) => r.bookings },
          { header: t('bookAdmin.cancelled'), cell: (r) => r.cancelled },
          { header: t('bookAdmin.checkedIn'), cell: (r) => r.checkedIn },
          { header: t('bookAdmin.noShows'), cell: (r) => r.noShows },
          { header: t('bookAdmin.noShowRate'), cell: (r) => percent(noShowRate(r)) },
          { header: t('bookAdmin.places'), cell: (r) => r.places },
          { header: t('bookAdmin.utilisation'), cell: (r) => percent(utilisation(r)) },
        ]}
      />
      <ErrorLine error={error} />
    </section>
  );
}

function BookingSettingsForm() {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const [values, setValues] = useDraft(
    parseBookingSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.booking_settings ?? '{}'),
  );
  const { error, check } = useCommandError();
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<BookingSettings>) => (setValues({ ...values, ...patch }), setSaved(false));
  return (
    <form
      className="card threshold-form"
      aria-label={t('bookAdmin.rules')}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(check(await api.command('hall.setBookingSettings', values)));
      }}
    >
      <strong>{t('bookAdmin.rules')}</strong>
      {NUMBER_SETTINGS.map((key) => (
        <label key={key} className="inline">
          {t(`bookAdmin.${key}` as Key)}
          <input type="number" min={0} value={values[key]} onChange={(e) => set({ [key]: Number(e.target.value) })} />
        </label>
      ))}
      <label className="inline">
        {t('bookAdmin.weekendWorkdayAs')}
        <select value={values.weekendWorkdayAs} onChange={(e) => set({ weekendWorkdayAs: Number(e.target.value) })}>
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {t(`bookAdmin.weekday.${d}` as Key)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        {t('bookAdmin.weekendBooking')}
        <select value={values.weekendBooking} onChange={(e) => set({ weekendBooking: e.target.value as WeekendBooking })}>
          {WEEKEND_BOOKING.map((w) => (
            <option key={w} value={w}>
              {t(`bookAdmin.weekend.${w}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={values.lateToNormalQueue} onChange={(e) => set({ lateToNormalQueue: e.target.checked })} />
        {t('bookAdmin.lateToNormalQueue')}
      </label>
      <button type="submit" className="btn btn-primary small">
        {t('bookAdmin.saveRules')}
      </button>
      {saved && <span className="info">{t('bookAdmin.saved')}</span>}
      <ErrorLine error={error} />
    </form>
  );
}

const NEW_LINE: TemplateLine = { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '09:30', capacity: 5 };

/** A service's slots: weekdays × time × places; an empty template takes the service off the booking page. */
function TemplateEditor() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const services = rowsOf(replica, 'services').sort((a, b) => a.sort - b.sort);
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const stored = rowsOf(replica, 'booking_templates').find((tp) => tp.service_id === serviceId);
  const [lines, setLines] = useDraft<TemplateLine[]>(stored ? (JSON.parse(stored.lines) as TemplateLine[]) : []);
  const { error, check } = useCommandError();
  const [saved, setSaved] = useState(false);
  const change = (i: number, patch: Partial<TemplateLine>) => (
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l))),
    setSaved(false)
  );
  return (
    <form
      className="card"
      aria-label={t('bookAdmin.template')}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(check(await api.command('booking.setTemplate', { serviceId, lines })));
      }}
    >
      <strong>{t('bookAdmin.template')}</strong>
      <label className="inline">
        {t('bookAdmin.service')}
        <select value={serviceId} onChange={(e) => (setServiceId(e.target.value), setSaved(false))}>
          <Options items={services} value={(s) => s.id} label={(s) => s.name} />
        </select>
      </label>
      <table className="service-table">
        <thead>
          <tr>
            <th>{t('bookAdmin.weekdays')}</th>
            <th>{t('bookAdmin.start')}</th>
            <th>{t('bookAdmin.end')}</th>
            <th>{t('bookAdmin.capacity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={i}>
              <td className="book-weekdays">
                {WEEKDAYS.map((d) => (
                  <label key={d} className="check">
                    <input
                      type="checkbox"
                      checked={line.weekdays.includes(d)}
                      onChange={(e) =>
                        change(i, { weekdays: e.target.checked ? [...line.weekdays, d].sort() : line.weekdays.filter((w) => w !== d) })
                      }
                    />
                    {t(`bookAdmin.weekday.${d}` as Key)}
                  </label>
                ))}
              </td>
              <td>
                <input
                  type="time"
                  aria-label={`${t('bookAdmin.start')} ${i + 1}`}
                  value={line.start}
                  onChange={(e) => change(i, { start: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="time"
                  aria-label={`${t('bookAdmin.end')} ${i + 1}`}
                  value={line.end}
                  onChange={(e) => change(i, { end: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  aria-label={`${t('bookAdmin.capacity')} ${i + 1}`}
                  value={line.capacity}
                  onChange={(e) => change(i, { capacity: Number(e.target.value) })}
                />
              </td>
              <td>
                <button type="button" className="btn" onClick={() => (setLines(lines.filter((_, j) => j !== i)), setSaved(false))}>
                  {t('bookAdmin.remove', { n: i + 1 })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="btn" onClick={() => (setLines([...lines, NEW_LINE]), setSaved(false))}>
          {t('bookAdmin.addLine')}
        </button>
        <button type="submit" className="btn btn-primary">
          {t('bookAdmin.saveTemplate')}
        </button>
        {saved && <span className="info">{t('bookAdmin.saved')}</span>}
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
