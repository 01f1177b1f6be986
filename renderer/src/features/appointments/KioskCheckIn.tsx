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

/** An ID number as the kiosk shows it while it is typed: every character but the last 4 hidden. */
const hiddenId = (id: string) => '•'.repeat(Math.max(0, id.length - 4)) + id.slice(-4);

/**
 * Check-in at the kiosk by booking code (typed on the on-screen keyboard) or by ID number (on its
 * keypad; an ID-card reader is a later adapter): the hub checks the day and the window and issues
 * the appointment ticket (a normal one when late, if the hall allows). Nothing about the person is
 * shown or held here: the ID number is shown hidden but for its last 4, sent once, and forgotten
 * with the form.
 */
export function CheckInForm({ onIssued, onBack }: { onIssued: (c: CheckedIn) => void; onBack: () => void }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const [by, setBy] = useState<'code' | 'id'>('code');
  const [code, setCode] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const { error, check, setError } = useCommandError();
  const [busy, setBusy] = useState(false);
  const send = () => {
    if (by === 'id') {
      if (idNumber.length !== 18) return setError(t('kiosk.badId'));
      return api.command('booking.checkInById', { idNumber });
    }
    const parsed = BookingCode.safeParse(code);
    if (!parsed.success) return setError(t('book.badCode'));
    return api.command('booking.checkIn', { code: parsed.data });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sending = send();
    if (!sending) return;
    setBusy(true);
    const outcome = await sending;
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
      <div className="book-modes" role="group" aria-label={t('kiosk.checkInBy')}>
        {(['code', 'id'] as const).map((b) => (
          <button
            key={b}
            type="button"
            className="btn"
            aria-pressed={by === b}
            onClick={() => (setBy(b), setError(null), setIdNumber(''), setCode(''))}
          >
            {t(b === 'code' ? 'kiosk.byCode' : 'kiosk.byId')}
          </button>
        ))}
      </div>
      {by === 'code' ? (
        <>
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
        </>
      ) : (
        <>
          {/* Typed on the keypad only, and shown hidden: a passer-by sees the last 4 characters at most. */}
          <input
            className="kiosk-search"
            inputMode="none"
            readOnly
            value={hiddenId(idNumber)}
            placeholder={t('kiosk.checkInId')}
            aria-label={t('kiosk.checkInId')}
            autoComplete="off"
          />
          <p className="muted kiosk-id-note">{t('kiosk.idNote')}</p>
          <OnScreenKeyboard layout="idNumber" value={idNumber} onChange={setIdNumber} label={t('kiosk.checkInId')} maxLength={18} />
        </>
      )}
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
