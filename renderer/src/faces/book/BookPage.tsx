import { useEffect, useState, type FormEvent } from 'react';
import { BookingCode, BookingView, BookSlotsAnswer } from '../../../../shared/appointments/phone';
import { phonePost } from '../../app/phonePost';
import { LanguageToggle, useI18n } from '../../i18n';
import { ErrorLine, type Problem } from '../../ui/ErrorLine';
import { GuideAnswer, type ServiceGuide } from '../../../../shared/catalog/guide';
import { GuideView } from '../../features/catalog/ServiceGuide';

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
            <Choices
              title={t('book.chooseDay')}
              items={service.days.map((d) => ({ key: d.day, label: d.day, left: d.slots.reduce((n, s) => n + s.left, 0) }))}
              chosen={day?.day}
              onPick={(d) => setChoice({ service, day: d, start: null })}
            />
          )}
          {service && day && (
            <Choices
              title={t('book.chooseSlot')}
              items={day.slots.map((s) => ({ key: s.start, label: `${s.start}–${s.end}`, left: s.left }))}
              chosen={slot?.start}
              onPick={(start) => setChoice({ service, day: day.day, start })}
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
  items: readonly { key: string; label: string; left: number | null }[];
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
            disabled={i.left === 0}
            onClick={() => props.onPick(i.key)}
          >
            {i.label}
            {i.left !== null && <small>{i.left === 0 ? t('book.full') : t('book.left', { n: i.left })}</small>}
          </button>
        ))}
      </div>
    </>
  );
}

/** A booking as its holder sees it: the service, the day and slot, its state. */
function BookingLines({ booking }: { booking: BookingView }) {
  const { t } = useI18n();
  return (
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

/** A booking looked up, and cancelled, by its code and the ID's last 4 characters. */
function CancelForm() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState('');
  const [found, setFound] = useState<BookingView | null>(null);
  const [error, setError] = useState<Problem | null>(null);
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
          {found.status === 'booked' && (
            <button type="button" className="btn btn-danger" onClick={() => void call('/book/cancel')}>
              {t('book.cancel')}
            </button>
          )}
        </>
      )}
      <ErrorLine error={error} />
    </main>
  );
}
