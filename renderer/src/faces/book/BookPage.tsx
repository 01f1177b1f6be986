import { useEffect, useState, type FormEvent } from 'react';
import { BookingCode, BookingView, BookSlotsAnswer } from '../../../../shared/appointments/phone';
import { phonePost } from '../../app/phonePost';
import { LanguageToggle, useI18n } from '../../i18n';
import { ErrorLine, type Problem } from '../../ui/ErrorLine';
import { GuideAnswer, type ServiceGuide } from '../../../../shared/catalog/guide';
import { GuideView } from '../../features/catalog/ServiceGuide';
import '../faces.css';

type Service = BookSlotsAnswer['services'][number];
type Choice = { service: Service; day: string | null; start: string | null };

/**
 * The applicant's booking page (`#/book`, phone-first, no sign-in): a service, a day among the
 * bookable working days, a slot with its places left, then name, ID number and phone; the answer
 * is the booking code to show at the kiosk. A booking is looked up or cancelled with its code and
 * the ID's last 4 characters. Nothing is kept in the phone.
 */
export default function BookPage() {
  const { t } = useI18n();
  const [slots, setSlots] = useState<BookSlotsAnswer | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [booked, setBooked] = useState<BookingView | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const [mode, setMode] = useState<'book' | 'cancel'>('book');

  const load = () =>
    void phonePost('/book/slots', {}, BookSlotsAnswer).then((a) => {
      if (a.ok) setSlots(a.result);
      else setError(a.error);
    });
  useEffect(load, []);

  const service = choice?.service ?? null;
  const day = service?.days.find((d) => d.day === choice?.day) ?? null;
  const slot = day?.slots.find((s) => s.start === choice?.start) ?? null;

  return (
    <div className="face rate-page book-page">
      <header className="rate-head">
        <h1>{t('book.title')}</h1>
        <LanguageToggle />
      </header>
      <nav className="book-modes" aria-label={t('book.title')}>
        <button type="button" className="btn" aria-pressed={mode === 'book'} onClick={() => setMode('book')}>
          {t('book.modeBook')}
        </button>
        <button type="button" className="btn" aria-pressed={mode === 'cancel'} onClick={() => setMode('cancel')}>
          {t('book.modeCancel')}
        </button>
      </nav>
      {mode === 'cancel' ? (
        <CancelForm />
      ) : booked ? (
        <main className="rate-main" role="status" aria-label={t('book.done')}>
          <h2>{t('book.done')}</h2>
          <p className="book-code" aria-label={t('book.code')}>
            {booked.code}
          </p>
          <BookingLines booking={booked} />
          <p>{t('book.doneNote')}</p>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setBooked(null);
              setChoice(null);
              load();
            }}
          >
            {t('book.another')}
          </button>
        </main>
      ) : (
        <main className="rate-main">
          {!slots ? (
            <p className="muted">{t('book.loading')}</p>
          ) : slots.services.length === 0 ? (
            <p>{t('book.noServices')}</p>
          ) : (
            <Choices
              title={t('book.chooseService')}
              items={slots.services.map((s) => ({ key: s.id, label: s.name, left: null }))}
              chosen={service?.id}
              onPick={(id) => setChoice({ service: slots.services.find((s) => s.id === id)!, day: null, start: null })}
            />
          )}
          {service && <BookGuide key={service.id} service={service} />}
          {service && (
            <DayAndSlot
              service={service}
              day={day?.day ?? null}
              start={slot?.start ?? null}
              onPick={(d, start) => setChoice({ service, day: d, start })}
            />
          )}
          {service && day && slot && (
            <PersonForm
              onBook={async (person) => {
                const a = await phonePost('/book', { serviceId: service.id, day: day.day, start: slot.start, ...person }, BookingView);
                setError(a.ok ? null : a.error);
                if (a.ok) setBooked(a.result);
                // A slot taken meanwhile shows its new count.
                else load();
              }}
            />
          )}
          <ErrorLine error={error} />
        </main>
      )}
      <p className="rate-privacy muted">{t('book.privacy')}</p>
    </div>
  );
}

/**
 * A service's days (with the places left, a closed day shown closed and its reason below) and the
 * chosen day's slots: the booking's second and third steps, and a move's choice.
 */
function DayAndSlot(props: {
  service: Service;
  day: string | null;
  start: string | null;
  /** A move's own slot, shown and not to be picked again. */
  current?: { day: string; start: string };
  onPick: (day: string, start: string | null) => void;
}) {
  const { t } = useI18n();
  const day = props.service.days.find((d) => d.day === props.day) ?? null;
  const closed = props.service.days.filter((d) => d.closed !== null);
  return (
    <>
      <Choices
        title={t('book.chooseDay')}
        items={props.service.days.map((d) => ({
          key: d.day,
          label: d.day,
          left: d.slots.reduce((n, s) => n + s.left, 0),
          note: d.closed !== null ? t('book.closed') : undefined,
        }))}
        chosen={day?.day}
        onPick={(d) => props.onPick(d, null)}
      />
      {closed.map((d) => (
        <p key={d.day} className="muted">
          {t('book.closedDay', { day: d.day, reason: d.closed ?? '' })}
        </p>
      ))}
      {day && (
        <Choices
          title={t('book.chooseSlot')}
          items={day.slots.map((s) => ({
            key: s.start,
            label: `${s.start}–${s.end}`,
            left: s.left,
            note: props.current?.day === day.day && props.current.start === s.start ? t('book.currentSlot') : undefined,
          }))}
          chosen={props.start ?? undefined}
          onPick={(start) => props.onPick(day.day, start)}
        />
      )}
    </>
  );
}

/**
 * The chosen service's guide (办事指南), so that people check their papers before they book: asked
 * of the hub when first opened, and kept while the service stays chosen.
 */
function BookGuide({ service }: { service: Service }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<ServiceGuide[] | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const toggle = () => {
    setOpen(!open);
    if (items === null)
      void phonePost('/book/guide', { serviceId: service.id }, GuideAnswer).then((a) => {
        setError(a.ok ? null : a.error);
        if (a.ok) setItems(a.result.items);
      });
  };
  return (
    <div className="book-guide">
      <button type="button" className="btn" aria-expanded={open} onClick={toggle}>
        {open ? t('guide.close') : t('guide.openFor', { service: service.name })}
      </button>
      {open &&
        (items ? (
          <GuideView items={items} label={t('guide.of', { service: service.name })} />
        ) : (
          !error && <p className="muted">{t('guide.loading')}</p>
        ))}
      <ErrorLine error={error} />
    </div>
  );
}

/**
 * One step of the booking: a titled row of buttons, the chosen one pressed; with places `left`, a
 * choice with none is shown full and cannot be taken.
 */
function Choices(props: {
  title: string;
  /** `note`: why a choice cannot be taken (a closed day, a move's own slot), shown instead of the places left. */
  items: readonly { key: string; label: string; left: number | null; note?: string }[];
  chosen: string | undefined;
  onPick: (key: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <h2>{props.title}</h2>
      <div className={`book-choices${props.items.some((i) => i.left !== null) ? ' book-days' : ''}`} role="group" aria-label={props.title}>
        {props.items.map((i) => (
          <button
            key={i.key}
            type="button"
            className="btn"
            aria-pressed={props.chosen === i.key}
            disabled={i.left === 0 || i.note !== undefined}
            onClick={() => props.onPick(i.key)}
          >
            {i.label}
            {i.note !== undefined ? (
              <small>{i.note}</small>
            ) : (
              i.left !== null && <small>{i.left === 0 ? t('book.full') : t('book.left', { n: i.left })}</small>
            )}
          </button>
        ))}
      </div>
    </>
  );
}

/** A booking as its holder sees it: the service, the day and slot, its state (and the hall's reason when it cancelled it). */
function BookingLines({ booking }: { booking: BookingView }) {
  const { t } = useI18n();
  return (
    <>
      <dl className="rate-subject">
        <div>
          <dt>{t('book.service')}</dt>
          <dd>{booking.service}</dd>
        </div>
        <div>
          <dt>{t('book.when')}</dt>
          <dd>
            {booking.day} {booking.start}–{booking.end}
          </dd>
        </div>
        <div>
          <dt>{t('book.state')}</dt>
          <dd>{t(`book.status.${booking.status}`)}</dd>
        </div>
      </dl>
      {booking.cancelledBy === 'hall' && (
        <p className="book-hall-note" role="note">
          {t('book.cancelledByHall', { reason: booking.cancelReason ?? '' })}
        </p>
      )}
    </>
  );
}

type Person = { name: string; idNumber: string; phone: string };

/** Who books: name, ID number and phone, checked by the hub (the refusal says which is wrong). */
function PersonForm({ onBook }: { onBook: (p: Person) => Promise<void> }) {
  const { t } = useI18n();
  const [person, setPerson] = useState<Person>({ name: '', idNumber: '', phone: '' });
  const [busy, setBusy] = useState(false);
  const field = (key: keyof Person, label: string, extra: Record<string, string> = {}) => (
    <label>
      {label}
      <input value={person[key]} onChange={(e) => setPerson({ ...person, [key]: e.target.value })} autoComplete="off" required {...extra} />
    </label>
  );
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await onBook(person);
    setBusy(false);
  };
  return (
    <form className="rate-code" onSubmit={(e) => void send(e)}>
      {field('name', t('book.name'))}
      {field('idNumber', t('book.idNumber'), { inputMode: 'text', maxLength: '18', autoCapitalize: 'characters' })}
      {field('phone', t('book.phone'), { inputMode: 'tel', maxLength: '13' })}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('book.submit')}
      </button>
    </form>
  );
}

/** A booking looked up, and cancelled or moved, by its code and the ID's last 4 characters. */
function CancelForm() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState('');
  const [found, setFound] = useState<BookingView | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState(false);
  const key = () => {
    const c = BookingCode.safeParse(code);
    if (!c.success) setError(t('book.badCode'));
    return c.success ? { code: c.data, idLast4: last4.trim() } : null;
  };
  const call = async (path: '/book/look' | '/book/cancel') => {
    const k = key();
    if (!k) return;
    const a = await phonePost(path, k, BookingView);
    setError(a.ok ? null : a.error);
    setFound(a.ok ? a.result : null);
    setMoving(false);
    setMoved(false);
  };
  return (
    <main className="rate-main">
      <form
        className="rate-code"
        onSubmit={(e) => {
          e.preventDefault();
          void call('/book/look');
        }}
      >
        <label>
          {t('book.code')}
          <input value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" autoComplete="off" spellCheck={false} />
        </label>
        <label>
          {t('book.idLast4')}
          <input value={last4} onChange={(e) => setLast4(e.target.value)} maxLength={4} autoComplete="off" />
        </label>
        <button type="submit" className="btn">
          {t('book.look')}
        </button>
      </form>
      {found && (
        <>
          <BookingLines booking={found} />
          {moved && (
            <p className="info" role="status">
              {t('book.moved')}
            </p>
          )}
          {found.status === 'booked' && !moving && (
            <div className="row">
              <button type="button" className="btn" onClick={() => (setMoving(true), setMoved(false))}>
                {t('book.move')}
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void call('/book/cancel')}>
                {t('book.cancel')}
              </button>
            </div>
          )}
          {found.status === 'booked' && moving && (
            <MoveChooser
              booking={found}
              onMove={async (day, start) => {
                const k = key();
                if (!k) return false;
                const a = await phonePost('/book/move', { ...k, day, start }, BookingView);
                setError(a.ok ? null : a.error);
                if (a.ok) {
                  setFound(a.result);
                  setMoving(false);
                  setMoved(true);
                }
                return a.ok;
              }}
              onBack={() => setMoving(false)}
            />
          )}
        </>
      )}
      <ErrorLine error={error} />
    </main>
  );
}

/**
 * A move's choice: the booking's service's days and slots as the booking page offers them now,
 * then the move itself (the hub checks the rules again; a refusal shows, and the slots reload).
 */
function MoveChooser(props: { booking: BookingView; onMove: (day: string, start: string) => Promise<boolean>; onBack: () => void }) {
  const { t } = useI18n();
  const [service, setService] = useState<Service | null>(null);
  const [pick, setPick] = useState<{ day: string | null; start: string | null }>({ day: null, start: null });
  const [busy, setBusy] = useState(false);
  const load = () =>
    void phonePost('/book/slots', {}, BookSlotsAnswer).then((a) => {
      if (a.ok) setService(a.result.services.find((s) => s.id === props.booking.serviceId) ?? null);
    });
  useEffect(load, [props.booking.serviceId]);
  return (
    <section className="book-move" aria-label={t('book.moveTitle')}>
      <h2>{t('book.moveTitle')}</h2>
      {!service ? (
        <p className="muted">{t('book.loading')}</p>
      ) : (
        <DayAndSlot
          service={service}
          day={pick.day}
          start={pick.start}
          current={props.booking}
          onPick={(day, start) => setPick({ day, start })}
        />
      )}
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !pick.day || !pick.start}
          onClick={async () => {
            setBusy(true);
            if (!(await props.onMove(pick.day!, pick.start!))) load();
            setBusy(false);
          }}
        >
          {t('book.moveGo')}
        </button>
        <button type="button" className="btn" onClick={props.onBack}>
          {t('book.moveBack')}
        </button>
      </div>
    </section>
  );
}
