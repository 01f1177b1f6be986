import { useState } from 'react';
import { COMPLAINT_CHANNELS, COMPLAINT_SUBJECTS, type ComplaintChannel, type ComplaintSubject } from '../../../../shared/complaints/enums';
import { followupSignal } from '../../../../shared/followups/rules';
import { rowById, rowsOf, type ReplicaState, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useI18n, type Translate } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';

/** What a complaint can be about, as the board's replica lists them (a case is named by its number instead). */
function subjectChoices(replica: ReplicaState, subject: Exclude<ComplaintSubject, 'case'>): { id: string; name: string }[] {
  if (subject === 'department') return [...rowsOf(replica, 'departments')].sort((a, b) => a.sort - b.sort);
  if (subject === 'counter') return [...rowsOf(replica, 'counters')].sort((a, b) => a.number - b.number);
  return rowsOf(replica, 'staff')
    .filter((s) => s.role === 'clerk' && s.disabled_at === null)
    .sort((a, b) => a.login.localeCompare(b.login));
}

/** The complaint's subject in words: its kind and name. */
function subjectText(replica: ReplicaState, k: Row<'complaints'>, t: Translate): string {
  const name =
    k.subject === 'case'
      ? rowById(replica, 'cases', k.case_id)?.number
      : k.subject === 'counter'
        ? rowById(replica, 'counters', k.counter_id)?.name
        : k.subject === 'staff'
          ? rowById(replica, 'staff', k.staff_id)?.name
          : rowById(replica, 'departments', k.department_id)?.name;
  return t('cp.subjectOf', { kind: t(`cp.subject.${k.subject}`), name: name ?? '—' });
}

const blank = (day: string) => ({
  channel: 'hotline' as ComplaintChannel,
  subject: 'department' as ComplaintSubject,
  subjectId: '',
  caseNumber: '',
  content: '',
  receivedDay: day,
  contact: '',
});

/** 效能投诉: recorded here as they come in; each is worked as a follow-up in the list above. */
export function Complaints() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const { error, check, setError } = useCommandError();
  const [form, setForm] = useState(() => blank(day));
  const [done, setDone] = useState(false);
  const followupOf = new Map(rowsOf(replica, 'followups').flatMap((f) => (f.complaint_id ? [[f.complaint_id, f] as const] : [])));
  const list = [...rowsOf(replica, 'complaints')].sort((a, b) => b.recorded_at - a.recorded_at);
  const choices = form.subject === 'case' ? [] : subjectChoices(replica, form.subject);
  const submit = async () => {
    setDone(false);
    let subjectId = form.subjectId || choices[0]?.id || '';
    if (form.subject === 'case') {
      const found = rowsOf(replica, 'cases').find((c) => c.number === form.caseNumber.trim());
      if (!found) return setError(t('cp.noCase', { number: form.caseNumber.trim() }));
      subjectId = found.id;
    }
    const { channel, subject, content, receivedDay } = form;
    const outcome = await api.command('complaint.record', {
      channel,
      subject,
      subjectId,
      content,
      receivedDay,
      contact: form.contact.trim() || null,
    });
    if (check(outcome)) {
      setForm(blank(day));
      setDone(true);
    }
  };
  return (
    <section className="card" aria-label={t('cp.title')}>
      <h2>{t('cp.title')}</h2>
      <form
        aria-label={t('cp.new')}
        className="row wrap"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('cp.channel')}
          <select value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value as ComplaintChannel })}>
            <Options items={COMPLAINT_CHANNELS} label={(c) => t(`cp.channel.${c}`)} />
          </select>
        </label>
        <label>
          {t('cp.subject')}
          <select value={form.subject} onChange={(e) => setForm({ ...form, subject: e.target.value as ComplaintSubject, subjectId: '' })}>
            <Options items={COMPLAINT_SUBJECTS} label={(s) => t(`cp.subject.${s}`)} />
          </select>
        </label>
        {form.subject === 'case' ? (
          <label>
            {t('cp.caseNumber')}
            <input value={form.caseNumber} onChange={(e) => setForm({ ...form, caseNumber: e.target.value })} required maxLength={40} />
          </label>
        ) : (
          <label>
            {t('cp.target')}
            <select value={form.subjectId || choices[0]?.id || ''} onChange={(e) => setForm({ ...form, subjectId: e.target.value })}>
              <Options items={choices} value={(c) => c.id} label={(c) => c.name} />
            </select>
          </label>
        )}
        <label>
          {t('cp.received')}
          <input
            type="date"
            value={form.receivedDay}
            max={day}
            onChange={(e) => setForm({ ...form, receivedDay: e.target.value })}
            required
          />
        </label>
        <label>
          {t('cp.contact')}
          <input type="tel" value={form.contact} onChange={(e) => setForm({ ...form, contact: e.target.value })} maxLength={20} />
        </label>
        <label className="grow">
          {t('cp.content')}
          <textarea
            value={form.content}
            onChange={(e) => setForm({ ...form, content: e.target.value })}
            rows={2}
            maxLength={1000}
            required
          />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('cp.record')}
        </button>
      </form>
      <ErrorLine error={error} />
      {done && (
        <p className="info" role="status">
          {t('cp.recorded')}
        </p>
      )}
      <DataTable
        label={t('cp.list')}
        rows={list}
        rowKey={(k) => k.id}
        empty={t('cp.none')}
        columns={[
          { header: t('cp.received'), cell: (k) => k.received_day },
          { header: t('cp.channel'), cell: (k) => t(`cp.channel.${k.channel}`) },
          { header: t('cp.target'), rowHeader: true, cell: (k) => subjectText(replica, k, t) },
          { header: t('cp.content'), cell: (k) => k.content },
          { header: t('fu.phone'), cell: (k) => followupOf.get(k.id)?.phone_masked ?? t('fu.noPhone') },
          {
            header: t('fu.assignee'),
            cell: (k) => rowById(replica, 'staff', followupOf.get(k.id)?.assignee_id)?.name ?? t('fu.unassigned'),
          },
          {
            header: t('fu.signal'),
            cell: (k) => {
              const f = followupOf.get(k.id);
              if (!f) return '—';
              const signal = followupSignal.ts(f, day);
              return <span className={`chip signal-${signal}`}>{t(`fu.signal.${signal}`)}</span>;
            },
          },
          {
            header: t('cp.finding'),
            cell: (k) => t(k.substantiated === null ? 'cp.finding.open' : k.substantiated ? 'cp.finding.yes' : 'cp.finding.no'),
          },
        ]}
      />
    </section>
  );
}
