import { useState, type FormEvent } from 'react';
import { rowsOf, type CommandOutcome } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { formatTime } from '../../app/time';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';

/** 首问负责: the clerk records an enquiry they were first asked, and resolves it later. */
export function Inquiries({ counterId, staffId }: { counterId: string; staffId: string }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const [topic, setTopic] = useState('');
  const [detail, setDetail] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const { error, check } = useCommandError();
  const open = rowsOf(replica, 'inquiries')
    .filter((i) => i.staff_id === staffId && i.status === 'open')
    .sort((a, b) => b.created_at - a.created_at);
  const record = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await api.command('inquiry.record', { inquiryId: crypto.randomUUID(), counterId, topic: topic.trim(), detail });
    if (check(outcome)) {
      setTopic('');
      setDetail('');
      setNote(outcome.ok === 'queued' ? t('inq.queued') : null);
    }
  };
  return (
    <section className="card inquiries" aria-label={t('inq.title')}>
      <h2>{t('inq.title')}</h2>
      <form onSubmit={record} className="inq-form">
        <label>
          {t('inq.topic')}
          <input value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={100} required />
        </label>
        <label>
          {t('inq.detail')}
          <input value={detail} onChange={(e) => setDetail(e.target.value)} maxLength={2000} />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('inq.record')}
        </button>
      </form>
      <ErrorLine error={error} />
      {note && <p className="info">{note}</p>}
      <h3>{t('inq.open')}</h3>
      {open.length === 0 ? (
        <p className="muted">{t('inq.none')}</p>
      ) : (
        <ul className="inq-list">
          {open.map((i) => (
            <InquiryItem key={i.id} id={i.id} topic={i.topic} at={i.created_at} onError={check} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InquiryItem({ id, topic, at, onError }: { id: string; topic: string; at: number; onError: (o: CommandOutcome) => boolean }) {
  const { api } = useHall();
  const { t } = useI18n();
  const [resolution, setResolution] = useState('');
  return (
    <li>
      <span className="inq-topic">{topic}</span>
      <span className="muted">{formatTime(at)}</span>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (onError(await api.command('inquiry.resolve', { inquiryId: id, resolution: resolution.trim() }))) setResolution('');
        }}
      >
        <input
          aria-label={t('inq.resolutionFor', { topic })}
          placeholder={t('inq.resolution')}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          required
        />
        <button type="submit" className="btn">
          {t('inq.resolve')}
        </button>
      </form>
    </li>
  );
}
