import { useState } from 'react';
import type { AffectedBooking } from '../../../../shared/appointments/queries';
import { rowById, rowsOf } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { formatDateTime, useNow } from '../../app/time';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { DataTable } from '../../ui/DataTable';

const NO_PARAMS = {};

/**
 * 停约日: a day (or one service on a day) closed for booking. The manager first reviews the
 * bookings it would cancel (the people masked), then confirms with the count reviewed; the hub
 * refuses when that count is no longer right, and the list is asked again.
 */
export function BlackoutDays() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { day: today } = useHallDay(useNow(60_000));
  const services = rowsOf(replica, 'services').sort((a, b) => a.sort - b.sort);
  const [form, setForm] = useState({ day: '', serviceId: '', reason: '' });
  const [review, setReview] = useState<AffectedBooking[] | null>(null);
  const [declared, setDeclared] = useState<number | null>(null);
  // The blackout whose lifting is being written (one at a time), and what came of the last one.
  const [lifting, setLifting] = useState<{ id: string; reason: string } | null>(null);
  const [lifted, setLifted] = useState<{ day: string; stayCancelled: number } | null>(null);
  const { error, check, setError } = useCommandError();
  const target = { day: form.day, serviceId: form.serviceId || null };
  const change = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    // A changed day or service needs a new review; the reason does not change what is cancelled.
    if (!('reason' in patch)) setReview(null);
    setDeclared(null);
  };
  const ask = async () => {
    const answer = await api.query('booking.blackoutAffected', target);
    setReview(answer.ok ? answer.result.rows : null);
    if (!answer.ok) setError(answer.error);
  };
  const blackouts = rowsOf(replica, 'booking_blackouts')
    .filter((b) => b.day >= today)
    .sort((a, b) => a.day.localeCompare(b.day));
  const serviceName = (id: string | null) => (id ? (rowById(replica, 'services', id)?.name ?? id) : t('bookAdmin.allServices'));
  return (
    <section className="card" aria-label={t('bookAdmin.blackouts')}>
      <strong>{t('bookAdmin.blackouts')}</strong>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          void ask();
        }}
      >
        <label className="inline">
          {t('bookAdmin.blackoutDay')}
          <input type="date" min={today} required value={form.day} onChange={(e) => change({ day: e.target.value })} />
        </label>
        <label className="inline">
          {t('bookAdmin.blackoutService')}
          <select value={form.serviceId} onChange={(e) => change({ serviceId: e.target.value })}>
            <option value="">{t('bookAdmin.allServices')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('bookAdmin.blackoutReason')}
          <input value={form.reason} maxLength={200} size={32} onChange={(e) => change({ reason: e.target.value })} />
        </label>
        <button type="submit" className="btn">
          {t('bookAdmin.review')}
        </button>
      </form>
      {review && (
        <div role="region" aria-label={t('bookAdmin.affected', { n: review.length })}>
          <p>{review.length === 0 ? t('bookAdmin.noneAffected') : t('bookAdmin.affected', { n: review.length })}</p>
          {review.length > 0 && (
            <DataTable
              label={t('bookAdmin.affected', { n: review.length })}
              rows={review.map((b, i) => ({ ...b, i }))}
              rowKey={(b) => String(b.i)}
              columns={[
                { header: t('bookAdmin.service'), cell: (b) => serviceName(b.serviceId) },
                { header: t('bookAdmin.time'), cell: (b) => `${b.start}–${b.end}` },
                { header: t('bookAdmin.person'), cell: (b) => b.name },
                { header: t('bookAdmin.idMasked'), cell: (b) => b.idMasked },
                { header: t('bookAdmin.phone'), cell: (b) => b.phone },
              ]}
            />
          )}
          <button
            type="button"
            className="btn btn-danger"
            onClick={async () => {
              const outcome = await api.command('booking.declareBlackout', { ...target, reason: form.reason, affected: review.length });
              if (check(outcome) && outcome.ok === true) {
                setDeclared(outcome.result.cancelled);
                setReview(null);
              } else if (outcome.ok === false && outcome.error.reason === 'booking.blackoutChanged') {
                // Someone booked or cancelled meanwhile: show the list as it is now (the refusal stays on screen).
                const again = await api.query('booking.blackoutAffected', target);
                if (again.ok) setReview(again.result.rows);
              }
            }}
          >
            {t('bookAdmin.confirmBlackout', { n: review.length })}
          </button>
        </div>
      )}
      {declared !== null && (
        <p className="info" role="status">
          {t('bookAdmin.declared', { n: declared })}
        </p>
      )}
      <ErrorLine error={error} />
      <strong>{t('bookAdmin.declaredList')}</strong>
      <DataTable
        label={t('bookAdmin.declaredList')}
        rows={blackouts}
        rowKey={(b) => b.id}
        empty={t('bookAdmin.noBlackouts')}
        columns={[
          { header: t('bookAdmin.blackoutDay'), cell: (b) => b.day },
          { header: t('bookAdmin.blackoutService'), cell: (b) => serviceName(b.service_id) },
          { header: t('bookAdmin.blackoutReason'), cell: (b) => b.reason },
          {
            header: t('bookAdmin.blackoutState'),
            cell: (b) =>
              b.lifted_at !== null ? (
                t('bookAdmin.liftedWith', { reason: b.lift_reason ?? '' })
              ) : lifting?.id === b.id ? (
                <form
                  className="row"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    const outcome = await api.command('booking.liftBlackout', lifting);
                    if (check(outcome) && outcome.ok === true) {
                      setLifted({ day: b.day, stayCancelled: outcome.result.stayCancelled });
                      setLifting(null);
                    }
                  }}
                >
                  <input
                    aria-label={t('bookAdmin.liftReason', { day: b.day })}
                    placeholder={t('bookAdmin.liftReasonHint')}
                    maxLength={200}
                    size={20}
                    autoFocus
                    value={lifting.reason}
                    onChange={(e) => setLifting({ id: b.id, reason: e.target.value })}
                  />
                  <button type="submit" className="btn">
                    {t('bookAdmin.confirmLift')}
                  </button>
                  <button type="button" className="btn small" onClick={() => setLifting(null)}>
                    {t('bookAdmin.cancelLift')}
                  </button>
                </form>
              ) : (
                <button
                  type="button"
                  className="btn small"
                  aria-label={t('bookAdmin.liftFor', { day: b.day, scope: serviceName(b.service_id) })}
                  onClick={() => {
                    setError(null);
                    setDeclared(null);
                    setLifted(null);
                    setLifting({ id: b.id, reason: '' });
                  }}
                >
                  {t('bookAdmin.reopen')}
                </button>
              ),
          },
        ]}
      />
      {lifted && (
        <p className="info" role="status">
          {t('bookAdmin.liftedNote', { day: lifted.day, n: lifted.stayCancelled })}
        </p>
      )}
    </section>
  );
}

/**
 * 解除预约限制: a manager lifts a person's booking block, found by the ID number typed here (the hub
 * matches it through the keyed hash and keeps it masked), with a reason; the lifts are listed.
 */
export function BlockLifts() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const [idNumber, setIdNumber] = useState('');
  const [reason, setReason] = useState('');
  const [lifted, setLifted] = useState<{ idMasked: string; until: string } | null>(null);
  const [tick, setTick] = useState(0);
  const { error, check } = useCommandError();
  const { result } = useHubQuery('booking.blockLifts', NO_PARAMS, tick);
  const rows = result?.rows ?? [];
  return (
    <section className="card" aria-label={t('bookAdmin.blocks')}>
      <strong>{t('bookAdmin.blocks')}</strong>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          const outcome = await api.command('booking.liftBlock', { idNumber, reason });
          setLifted(check(outcome) && outcome.ok === true ? outcome.result : null);
          if (outcome.ok === true) {
            // The number is not kept on screen once it has served.
            setIdNumber('');
            setReason('');
            setTick(tick + 1);
          }
        }}
      >
        <label className="inline">
          {t('bookAdmin.blockId')}
          <input value={idNumber} maxLength={18} size={20} autoComplete="off" onChange={(e) => setIdNumber(e.target.value)} />
        </label>
        <label className="inline">
          {t('bookAdmin.blockReason')}
          <input value={reason} maxLength={200} size={32} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('bookAdmin.lift')}
        </button>
      </form>
      {lifted && (
        <p className="info" role="status">
          {t('bookAdmin.lifted', { id: lifted.idMasked, until: lifted.until })}
        </p>
      )}
      <ErrorLine error={error} />
      <strong>{t('bookAdmin.liftedList')}</strong>
      <DataTable
        label={t('bookAdmin.liftedList')}
        rows={rows}
        rowKey={(r) => `${r.liftedAt}-${r.idMasked}`}
        empty={result ? t('bookAdmin.noLifts') : undefined}
        columns={[
          { header: t('bookAdmin.liftedAt'), cell: (r) => formatDateTime(r.liftedAt) },
          { header: t('bookAdmin.idMasked'), cell: (r) => r.idMasked },
          { header: t('bookAdmin.until'), cell: (r) => r.until },
          { header: t('bookAdmin.blockReason'), cell: (r) => r.reason },
          { header: t('bookAdmin.by'), cell: (r) => (r.staffId ? (rowById(replica, 'staff', r.staffId)?.name ?? '') : '') },
        ]}
      />
    </section>
  );
}
