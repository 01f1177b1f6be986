import { useState, type FormEvent } from 'react';
import { BookingCode, followPageAddress } from '../../../../shared/appointments/phone';
import type { Priority } from '../../../../shared/queue/enums';
import { rowById } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard';
import { QrImage, usePhoneBase } from '../ratings/RateQr';
import { KioskButtons } from '../../ui/KioskButtons';

/** A ticket the check-in issued, as the kiosk's slip shows it (the kiosk adds the serving counters). */
export interface CheckedIn {
  number: string;
  serviceId: string;
  serviceName: string;
  priority: Priority;
  ahead: number;
  estimatedWaitMinutes: number | null;
  issuedAt: number;
  ratingCode: string;
  followToken: string;
  late: boolean;
}

/**
 * Check-in at the kiosk by booking code (typed on the on-screen keyboard): the hub checks the day
 * and the window and issues the appointment ticket (a normal one when late, if the hall allows).
 * Nothing about the person is shown or held here: the code is all the kiosk sends.
 */
export function CheckInForm({ onIssued, onBack }: { onIssued: (c: CheckedIn) => void; onBack: () => void }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const { error, check, setError } = useCommandError();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = BookingCode.safeParse(code);
    if (!parsed.success) return setError(t('book.badCode'));
    setBusy(true);
    const outcome = await api.command('booking.checkIn', { code: parsed.data });
    setBusy(false);
    if (!check(outcome) || outcome.ok !== true) return;
    const r = outcome.result;
    onIssued({
      number: r.ticket.number,
      serviceId: r.ticket.service_id,
      serviceName: rowById(replica, 'services', r.ticket.service_id)?.name ?? '',
      priority: r.late ? 'normal' : 'appointment',
      ahead: r.ahead,
      estimatedWaitMinutes: r.estimatedWaitMinutes,
      issuedAt: r.ticket.issued_at,
      ratingCode: r.ratingCode,
      followToken: r.followToken,
      late: r.late,
    });
  };
  return (
    <form className="card kiosk-issue" onSubmit={(e) => void submit(e)} aria-label={t('kiosk.checkIn')}>
      <h2>{t('kiosk.checkIn')}</h2>
      <input
        className="kiosk-search"
        inputMode="none"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        placeholder={t('kiosk.checkInCode')}
        aria-label={t('kiosk.checkInCode')}
        autoComplete="off"
      />
      <OnScreenKeyboard layout="alnum" value={code} onChange={setCode} label={t('kiosk.checkInCode')} maxLength={12} />
      <ErrorLine error={error} />
      <KioskButtons onBack={onBack} busy={busy} action={t('kiosk.checkInGo')} />
    </form>
  );
}

/** The slip's follow block: a QR opening the phone page that follows this ticket today. */
export function FollowQr({ token, size }: { token: string; size: string }) {
  const { t } = useI18n();
  const base = usePhoneBase();
  if (!base) return null;
  return (
    <figure className="rate-qr">
      <QrImage text={followPageAddress(base, token)} label={t('kiosk.followQr')} size={size} />
      <figcaption>
        <span>{t('kiosk.followQr')}</span>
      </figcaption>
    </figure>
  );
}
