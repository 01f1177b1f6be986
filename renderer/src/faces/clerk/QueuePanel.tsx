import { useState, type FormEvent } from 'react';
import { TRANSFER_MODES, type TransferMode } from '../../../../shared/queue/enums';
import { ticketWaitMs, type QueueEntry } from '../../../../shared/queue/entries';
import { hallDayStart, isEligible } from '../../../../shared/queue/rules';
import { rowById, rowsOf, type CommandOutcome, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { formatDuration, formatTime, useNow } from '../../app/time';
import { clerkFigures, counterProfiles } from '../../features/queue/day';
import { heldTicket } from '../../features/queue/tickets';
import { useQueueDay } from '../../features/queue/useQueueDay';
import { useI18n } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { CheckList } from '../../ui/CheckList';
import { KeyButton } from '../../ui/KeyButton';

type DialogKind = 'transfer' | 'specific' | 'park' | 'finish' | null;

/** The clerk's queue work: the ticket in hand, the calls, and the people waiting for this counter. */
export function QueuePanel({ counterId, onResult }: { counterId: string; onResult: (o: CommandOutcome) => boolean }) {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow();
  const [dialog, setDialog] = useState<DialogKind>(null);
  const counter = rowById(replica, 'counters', counterId)!;
  const q = useQueueDay(now);
  const { settings, tickets, figures } = q;
  const held = heldTicket(tickets, counterId);
  const profile = counterProfiles(replica).find((c) => c.id === counterId)!;
  const serviceIds = profile.serviceIds;
  // Each line's waiting now, as on the board; those sent to this window are said apart.
  const sentHere = tickets.filter((tk) => tk.target_counter_id === counterId && isEligible(tk, profile, now)).length;
  const waitingHere = tickets.filter((tk) => isEligible(tk, profile, now));
  const callable = waitingHere.length;
  const missed = tickets.filter((tk) => tk.status === 'missed' && tk.counter_id === counterId);
  const mine = counter.staff_id ? clerkFigures(replica, q, counter.staff_id, hallDayStart(q.day, settings.utcOffsetMinutes), now) : null;
  const minutes = (ms: number) => (ms / 60_000).toFixed(1);
  const run = async (p: Promise<CommandOutcome>) => onResult(await p);

  const needHub = connection.status === 'connected' ? null : t('clerk.why.needHub');
  const callWhy = needHub ?? (counter.state === 'paused' ? t('q.why.paused') : held ? t('q.why.holding') : null);
  const calledWhy = needHub ?? (!held ? t('q.why.noTicket') : held.status !== 'called' ? t('q.why.notCalled') : null);
  const heldWhy = needHub ?? (!held ? t('q.why.noTicket') : null);
  const service = rowById(replica, 'services', held?.service_id);

  return (
    <section className={`card queue-panel ${held ? `has-${held.status}` : ''}`} aria-label={t('q.current')}>
      <div className="current">
        <div className="current-label">{t('q.current')}</div>
        <div className="current-number" aria-live="polite">
          {held?.number ?? '—'}
        </div>
        <div className="current-meta">
          {held ? (
            <>
              <span className="current-status">{t(`ticket.status.${held.status}`)}</span>
              <span>{service?.name}</span>
              {held.priority !== 'normal' && <span className="priority-flag">{t(`priority.${held.priority}`)}</span>}
              <span className="muted">
                {t('q.waitedFor', { d: formatDuration(ticketWaitMs(q.entries.filter((e) => e.ticketId === held.id))) })}
              </span>
              {held.recalls > 0 && <span className="muted">{t('q.recalls', { n: held.recalls })}</span>}
              {held.status === 'called' && <AnnouncedMark ticket={held} />}
            </>
          ) : (
            <span className="muted">{t('q.none')}</span>
          )}
        </div>
      </div>
      <div className="actions queue-actions">
        <KeyButton
          label={t('q.callNext')}
          hotkey="F1"
          variant="primary"
          onPress={() => void run(api.command('ticket.callNext', { counterId }))}
          disabledReason={callWhy ?? (callable === 0 ? t('q.why.empty') : null)}
        />
        <KeyButton
          label={t('q.recall')}
          hotkey="F2"
          onPress={() => void run(api.command('ticket.recall', { counterId }))}
          disabledReason={calledWhy ?? (held!.recalls >= settings.recallLimit ? t('q.why.recallLimit') : null)}
        />
        <KeyButton
          label={t('q.noShow')}
          hotkey="F3"
          onPress={() => void run(api.command('ticket.noShow', { counterId }))}
          disabledReason={calledWhy}
        />
        <KeyButton
          label={t('q.start')}
          hotkey="F4"
          onPress={() => void run(api.command('ticket.start', { counterId }))}
          disabledReason={calledWhy}
        />
        <KeyButton
          label={t('q.finish')}
          hotkey="F5"
          variant="primary"
          onPress={() => setDialog('finish')}
          disabledReason={needHub ?? (held?.status === 'serving' ? null : t('q.why.notServing'))}
        />
        <KeyButton label={t('q.transfer')} hotkey="F6" onPress={() => setDialog('transfer')} disabledReason={heldWhy} />
        <KeyButton label={t('q.callSpecific')} hotkey="F7" onPress={() => setDialog('specific')} disabledReason={callWhy} />
        <KeyButton label={t('q.park')} hotkey="F8" onPress={() => setDialog('park')} disabledReason={heldWhy} />
      </div>

      <div className="queue-side">
        <div>
          <h3>{t('q.waiting')}</h3>
          <ul className="waiting-list">
            {serviceIds.map((sid) => (
              <li key={sid}>
                <span>{rowById(replica, 'services', sid)?.name}</span>
                <strong>{t('q.people', { n: figures.services.get(sid)?.waiting ?? 0 })}</strong>
              </li>
            ))}
          </ul>
          {sentHere > 0 && <p className="muted">{t('q.sentHere', { n: sentHere })}</p>}
          <WaitingTickets tickets={waitingHere} entries={q.entries} now={now} />
        </div>
        <div>
          <h3>{t('q.mine')}</h3>
          {mine && (
            <p className="mine">
              {t('q.served', { n: mine.finished })}
              {mine.avgServiceMs !== null && <> · {t('q.avg', { m: minutes(mine.avgServiceMs) })}</>}
              {mine.avgWaitMs !== null && <> · {t('q.avgWait', { m: minutes(mine.avgWaitMs) })}</>}
              {mine.perHour !== null && <> · {t('q.perHour', { n: mine.perHour.toFixed(1) })}</>}
              <> · {t('q.idle', { d: formatDuration(mine.idleMs) })}</>
            </p>
          )}
          {missed.length > 0 && (
            <>
              <h3>{t('q.missed')}</h3>
              <ul className="missed-list">
                {missed.map((m) => (
                  <li key={m.id}>
                    <span>{m.number}</span>
                    <button
                      type="button"
                      className="btn"
                      aria-label={`${t('q.reinstate')} ${m.number}`}
                      disabled={!!needHub}
                      onClick={() => void run(api.command('ticket.reinstate', { counterId, number: m.number }))}
                    >
                      {t('q.reinstate')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>

      {dialog === 'finish' && held && (
        <FinishDialog
          serviceIds={[...new Set([held.service_id, ...serviceIds])]}
          initial={held.service_id}
          onClose={() => setDialog(null)}
          onConfirm={async (handled) =>
            (await run(api.command('ticket.finish', { counterId, handledServiceIds: handled }))) && setDialog(null)
          }
        />
      )}
      {dialog === 'transfer' && held && (
        <TransferDialog
          counterId={counterId}
          onClose={() => setDialog(null)}
          onConfirm={async (to) => (await run(api.command('ticket.transfer', { counterId, ...to }))) && setDialog(null)}
        />
      )}
      {dialog === 'specific' && (
        <Dialog title={t('q.callSpecific')} onClose={() => setDialog(null)}>
          <TwoFields
            first={t('q.number')}
            second={t('q.reason')}
            onSubmit={async (number, reason) =>
              (await run(api.command('ticket.callSpecific', { counterId, number: number.toUpperCase(), reason }))) && setDialog(null)
            }
          />
        </Dialog>
      )}
      {dialog === 'park' && (
        <Dialog title={t('q.park')} onClose={() => setDialog(null)}>
          <ParkForm
            initial={settings.parkMinutes}
            onSubmit={async (minutes) => (await run(api.command('ticket.park', { counterId, minutes }))) && setDialog(null)}
          />
        </Dialog>
      )}
    </section>
  );
}

/**
 * Whether the lobby has said the clerk's current call (the display reports it): waiting for the
 * voice, said at a time, or only shown because calls piled up (a recall is then worth it).
 */
function AnnouncedMark({ ticket }: { ticket: Row<'tickets'> }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const a = rowById(replica, 'call_announcements', ticket.id);
  const current = a && a.called_at === ticket.called_at ? a : null;
  return (
    <span className={`announced ${current?.outcome ?? 'pending'}`} role="status" aria-label={t('q.announce.label')}>
      {current ? t(`q.announce.${current.outcome}`, { time: formatTime(current.at) }) : t('q.announce.pending')}
    </span>
  );
}

function TwoFields({ first, second, onSubmit }: { first: string; second: string; onSubmit: (a: string, b: string) => void }) {
  const { t } = useI18n();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  return (
    <form className="dialog-form" onSubmit={(e: FormEvent) => (e.preventDefault(), onSubmit(a.trim(), b.trim()))}>
      <label>
        {first}
        <input autoFocus value={a} onChange={(e) => setA(e.target.value)} required />
      </label>
      <label>
        {second}
        <input value={b} onChange={(e) => setB(e.target.value)} required maxLength={100} />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('app.confirm')}
      </button>
    </form>
  );
}

function ParkForm({ initial, onSubmit }: { initial: number; onSubmit: (minutes: number) => void }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(initial);
  return (
    <form className="dialog-form" onSubmit={(e) => (e.preventDefault(), onSubmit(minutes))}>
      <label>
        {t('q.minutes')}
        <input autoFocus type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('app.confirm')}
      </button>
    </form>
  );
}

function FinishDialog(props: { serviceIds: string[]; initial: string; onClose: () => void; onConfirm: (handled: string[]) => void }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const [handled, setHandled] = useState<ReadonlySet<string>>(new Set([props.initial]));
  return (
    <Dialog title={t('q.finish')} onClose={props.onClose}>
      <form className="dialog-form" onSubmit={(e) => (e.preventDefault(), handled.size && props.onConfirm([...handled]))}>
        <fieldset>
          <legend>{t('q.handled')}</legend>
          <CheckList
            items={props.serviceIds}
            selected={handled}
            onChange={setHandled}
            label={(sid) => rowById(replica, 'services', sid)?.name}
          />
        </fieldset>
        <button type="submit" className="btn btn-primary" autoFocus disabled={handled.size === 0}>
          {t('app.confirm')}
        </button>
      </form>
    </Dialog>
  );
}

function TransferDialog({
  counterId,
  onClose,
  onConfirm,
}: {
  counterId: string;
  onClose: () => void;
  onConfirm: (to: { toServiceId: string | null; toCounterId: string | null; mode: TransferMode }) => void;
}) {
  const { replica } = useHall();
  const { t } = useI18n();
  const services = rowsOf(replica, 'services')
    .filter((s) => s.is_open)
    .sort((a, b) => a.sort - b.sort);
  const counters = rowsOf(replica, 'counters')
    .filter((c) => c.id !== counterId && c.state !== 'closed')
    .sort((a, b) => a.number - b.number);
  // No target is chosen for the clerk: a ticket sent to the first service in the list by a hasty
  // Enter would leave its holder waiting in the wrong line.
  const [target, setTarget] = useState<'service' | 'counter' | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [toCounter, setToCounter] = useState('');
  const [mode, setMode] = useState<TransferMode>('keep');
  const chosen = target === 'service' ? serviceId : target === 'counter' ? toCounter : '';
  return (
    <Dialog title={t('q.transfer')} onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) return;
          onConfirm(
            target === 'service'
              ? { toServiceId: serviceId, toCounterId: null, mode }
              : { toServiceId: null, toCounterId: toCounter, mode },
          );
        }}
      >
        <label className="radio">
          <input type="radio" name="target" checked={target === 'service'} onChange={() => setTarget('service')} />
          {t('q.toService')}
        </label>
        <select
          aria-label={t('q.toService')}
          autoFocus
          value={serviceId}
          onChange={(e) => (setServiceId(e.target.value), setTarget('service'))}
        >
          <option value="" disabled>
            {t('q.choose')}
          </option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.prefix} · {s.name}
            </option>
          ))}
        </select>
        <label className="radio">
          <input
            type="radio"
            name="target"
            checked={target === 'counter'}
            onChange={() => setTarget('counter')}
            disabled={counters.length === 0}
          />
          {t('q.toCounter')}
        </label>
        <select
          aria-label={t('q.toCounter')}
          value={toCounter}
          disabled={counters.length === 0}
          onChange={(e) => (setToCounter(e.target.value), setTarget('counter'))}
        >
          <option value="" disabled>
            {t('q.choose')}
          </option>
          {counters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <fieldset>
          {TRANSFER_MODES.map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(`transferMode.${m}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={!chosen}>
          {t('app.confirm')}
        </button>
        {!chosen && <p className="why">{t('q.why.chooseTarget')}</p>}
      </form>
    </Dialog>
  );
}

/** At most this many waiting numbers are listed; the rest are counted. */
const WAITING_SHOWN = 30;

/**
 * The numbers waiting for this counter, longest wait first, each with how long it has waited in its
 * current line. Numbers and priority marks only: nothing about the people holding them.
 */
function WaitingTickets({ tickets, entries, now }: { tickets: Row<'tickets'>[]; entries: readonly QueueEntry[]; now: number }) {
  const { t } = useI18n();
  const since = new Map<string, number>();
  for (const e of entries) if (e.end === null) since.set(e.ticketId, e.enteredAt);
  const rows = tickets
    .map((tk) => ({ tk, waited: Math.max(0, now - (since.get(tk.id) ?? tk.issued_at)) }))
    .sort((a, b) => b.waited - a.waited || a.tk.number.localeCompare(b.tk.number));
  if (rows.length === 0) return null;
  return (
    <>
      <h3 id="waiting-tickets" className="waiting-tickets-head">
        {t('q.waitingTickets')}
      </h3>
      <ol className="waiting-tickets" aria-labelledby="waiting-tickets">
        {rows.slice(0, WAITING_SHOWN).map(({ tk, waited }) => (
          <li key={tk.id} aria-label={t('q.waitedLine', { number: tk.number, d: formatDuration(waited) })}>
            <span className="mono">{tk.number}</span>
            {tk.priority !== 'normal' && <span className="priority-flag">{t(`priority.${tk.priority}`)}</span>}
            <span className="muted">{formatDuration(waited)}</span>
          </li>
        ))}
      </ol>
      {rows.length > WAITING_SHOWN && <p className="muted">{t('q.moreWaiting', { n: rows.length - WAITING_SHOWN })}</p>}
    </>
  );
}
