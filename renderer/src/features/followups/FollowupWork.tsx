import { useState } from 'react';
import { APPEAL_KINDS, CALLBACK_METHODS, type FollowupStatus } from '../../../../shared/followups/enums';
import { rowsOf, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';

/** The step a follow-up at each status takes next, if it is one of the plain steps (callback has its own form). */
const NEXT_STEP: Partial<Record<FollowupStatus, 'verify' | 'fix' | 'close'>> = { open: 'verify', verified: 'fix', called_back: 'close' };

type Check = ReturnType<typeof useCommandError>['check'];
type Sent = Parameters<Check>[0];

/** Sends a command and, when it went through, says so (`onDone`); a refusal stays on `check`'s line. */
const sendWith = (check: Check, onDone: () => void) => async (outcome: Promise<Sent>) => {
  if (check(await outcome)) onDone();
};

/** What was found or done, or the review's opinion: the note each step and the appeal review carry. */
function NoteField({ note, setNote }: { note: string; setNote: (note: string) => void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('fu.note')}
      <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} />
    </label>
  );
}

/** Working one follow-up on the board: its next step, the callback, an appeal and its review, reassignment, the phone. */
export function FollowupWork({ f, onDone }: { f: Row<'followups'>; onDone: () => void }) {
  const { api } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [note, setNote] = useState('');
  const [appeal, setAppeal] = useState({ kind: 'mistaken' as (typeof APPEAL_KINDS)[number], grounds: '' });
  const complaint = f.complaint_id !== null;
  const run = sendWith(check, onDone);
  return (
    <div className="followup-work">
      {f.appeal === 'pending' ? (
        <form
          aria-label={t('fu.review')}
          onSubmit={(e) => {
            e.preventDefault();
            const upheld = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'uphold';
            void run(api.command('followup.decideAppeal', { followupId: f.id, upheld, note }));
          }}
        >
          <p>{t('fu.appealPending', { kind: t(`fu.appealKind.${f.appeal_kind ?? 'mistaken'}`) })}</p>
          <NoteField note={note} setNote={setNote} />
          <div className="row">
            <button type="submit" className="btn btn-primary" value="uphold">
              {t('fu.uphold')}
            </button>
            <button type="submit" className="btn" value="reject">
              {t('fu.reject')}
            </button>
          </div>
        </form>
      ) : (
        <FollowupSteps f={{ id: f.id, status: f.status, complaint }} check={check} onDone={onDone} />
      )}
      {!complaint && f.appeal === null && f.status !== 'closed' && (
        <form
          aria-label={t('fu.appeal')}
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(api.command('followup.appeal', { followupId: f.id, ...appeal }));
          }}
        >
          <label>
            {t('fu.appealKind')}
            <select value={appeal.kind} onChange={(e) => setAppeal({ ...appeal, kind: e.target.value as typeof appeal.kind })}>
              <Options items={APPEAL_KINDS} label={(k) => t(`fu.appealKind.${k}`)} />
            </select>
          </label>
          <label className="grow">
            {t('fu.grounds')}
            <input value={appeal.grounds} onChange={(e) => setAppeal({ ...appeal, grounds: e.target.value })} required maxLength={500} />
          </label>
          <button type="submit" className="btn">
            {t('fu.appeal')}
          </button>
          <span className="muted">{t('fu.appealHelp')}</span>
        </form>
      )}
      {f.status !== 'closed' && <Assign f={f} onDone={onDone} check={check} />}
      <CallbackPhone f={f} check={check} />
      <ErrorLine error={error} />
    </div>
  );
}

/**
 * The work a follow-up takes next, outside an appeal: 核实, 整改 (each with a note), the 回访
 * record (day, method, what was said, satisfied or not) or 办结 (a complaint's with its finding).
 * The board and the assignee's counter (MyRatings) both work follow-ups with it; the hub decides
 * who may.
 */
export function FollowupSteps({
  f,
  check,
  onDone,
}: {
  f: Pick<Row<'followups'>, 'id' | 'status'> & { complaint: boolean };
  check: Check;
  onDone: () => void;
}) {
  const { api } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const [note, setNote] = useState('');
  const [callback, setCallback] = useState({ day, method: 'phone' as (typeof CALLBACK_METHODS)[number], outcome: '', satisfied: true });
  // A complaint's follow-up closes with a finding: substantiated or not.
  const [substantiated, setSubstantiated] = useState(false);
  const run = sendWith(check, onDone);
  const step = NEXT_STEP[f.status];
  if (f.status === 'fixed')
    return (
      <form
        aria-label={t('fu.callback')}
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(api.command('followup.callback', { followupId: f.id, ...callback }));
        }}
      >
        <label>
          {t('fu.callbackDay')}
          <input type="date" value={callback.day} onChange={(e) => setCallback({ ...callback, day: e.target.value })} required />
        </label>
        <label>
          {t('fu.method')}
          <select value={callback.method} onChange={(e) => setCallback({ ...callback, method: e.target.value as typeof callback.method })}>
            <Options items={CALLBACK_METHODS} label={(m) => t(`fu.method.${m}`)} />
          </select>
        </label>
        <label className="grow">
          {t('fu.outcome')}
          <input
            value={callback.outcome}
            onChange={(e) => setCallback({ ...callback, outcome: e.target.value })}
            required
            maxLength={500}
          />
        </label>
        <label className="radio">
          <input type="checkbox" checked={callback.satisfied} onChange={(e) => setCallback({ ...callback, satisfied: e.target.checked })} />
          {t('fu.satisfied')}
        </label>
        <button type="submit" className="btn btn-primary">
          {t('fu.step.callback')}
        </button>
      </form>
    );
  if (!step) return null;
  return (
    <form
      aria-label={t(`fu.step.${step}`)}
      onSubmit={(e) => {
        e.preventDefault();
        const finding = step === 'close' && f.complaint ? { substantiated } : {};
        void run(api.command('followup.step', { followupId: f.id, step, note, ...finding }));
      }}
    >
      <NoteField note={note} setNote={setNote} />
      {step === 'close' && f.complaint && (
        <label className="radio">
          <input type="checkbox" checked={substantiated} onChange={(e) => setSubstantiated(e.target.checked)} />
          {t('fu.substantiated')}
        </label>
      )}
      <button type="submit" className="btn btn-primary">
        {t(`fu.step.${step}`)}
      </button>
    </form>
  );
}

/** Hands the follow-up to another member of staff (the hub refuses the person it is about). */
function Assign({ f, onDone, check }: { f: Row<'followups'>; onDone: () => void; check: Check }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const staff = rowsOf(replica, 'staff')
    .filter((s) => s.disabled_at === null && s.id !== f.staff_id)
    .sort((a, b) => a.login.localeCompare(b.login));
  const [to, setTo] = useState(f.assignee_id ?? staff[0]?.id ?? '');
  return (
    <form
      aria-label={t('fu.assign')}
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void api.command('followup.assign', { followupId: f.id, staffId: to }).then((r) => check(r) && onDone());
      }}
    >
      <label>
        {t('fu.assignTo')}
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          <Options items={staff} value={(s) => s.id} label={(s) => s.name} />
        </select>
      </label>
      <button type="submit" className="btn" disabled={to === f.assignee_id}>
        {t('fu.assign')}
      </button>
    </form>
  );
}

/** The phone to call back, masked; its whole number on an audited reveal (counted with the ID-number reveals). */
export function CallbackPhone({ f, check }: { f: Pick<Row<'followups'>, 'id' | 'phone_masked'>; check: Check }) {
  const { api } = useHall();
  const { t } = useI18n();
  const [whole, setWhole] = useState<string | null>(null);
  return (
    <p>
      {t('fu.phoneIs')}
      <span className="mono">{whole ?? f.phone_masked ?? t('fu.noPhone')}</span>{' '}
      {f.phone_masked && !whole && (
        <button
          type="button"
          className="btn small"
          aria-label={t('fu.revealOf', { phone: f.phone_masked })}
          onClick={async () => {
            const r = await api.command('followup.revealPhone', { followupId: f.id });
            if (check(r) && r.ok === true) setWhole(r.result.phone);
          }}
        >
          {t('fu.reveal')}
        </button>
      )}
    </p>
  );
}
