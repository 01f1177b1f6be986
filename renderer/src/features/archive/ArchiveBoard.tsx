import { useMemo, useState } from 'react';
import { ENTRY_KINDS, SCORED_KINDS, type EntryKind } from '../../../../shared/archive/enums';
import type { ArchiveMonth } from '../../../../shared/archive/queries';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { ArchiveView } from './ArchiveView';
import { Contest } from './MyArchive';
import { currentSheet, itemName } from './labels';
import { RulesEditor } from './RulesEditor';
import { useMonth } from './useMonth';

/** 效能档案 on the board: one staff member's month with its entries and contests, the department ranking, and (for the administrator) the score sheet. */
export function ArchiveBoard({ staff }: { staff: Row<'staff'> }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const [month, setMonth] = useMonth();
  const people = rowsOf(replica, 'staff')
    .filter((s) => s.disabled_at === null)
    .sort((a, b) => (a.role === b.role ? a.login.localeCompare(b.login) : a.role === 'clerk' ? -1 : 1));
  const [staffId, setStaffId] = useState('');
  const [tick, setTick] = useState(0);
  const refresh = () => setTick((n) => n + 1);
  return (
    <>
      <section className="card" aria-label={t('ar.title')}>
        <div className="case-head">
          <h2>{t('ar.title')}</h2>
          <label className="inline">
            {t('ar.month')}
            <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          </label>
          <label className="inline">
            {t('ar.staff')}
            <select value={staffId} onChange={(e) => setStaffId(e.target.value)}>
              <option value="">{t('ar.pickStaff')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.login} {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn small" onClick={refresh}>
            {t('ar.refresh')}
          </button>
        </div>
        {staffId && <StaffMonth staffId={staffId} month={month} me={staff.id} tick={tick} onChange={refresh} />}
      </section>
      <Ranking month={month} tick={tick} onChange={refresh} />
      {staff.role === 'admin' && <RulesEditor />}
    </>
  );
}

function StaffMonth({
  staffId,
  month,
  me,
  tick,
  onChange,
}: {
  staffId: string;
  month: string;
  me: string;
  tick: number;
  onChange: () => void;
}) {
  const a = useHubQuery(
    'archive.staffMonth',
    useMemo(() => ({ staffId, month }), [staffId, month]),
    tick,
  );
  return (
    <>
      <ErrorLine error={a.error} />
      {staffId !== me && <AddEntry staffId={staffId} onDone={onChange} />}
      {a.result && (
        <ArchiveView
          a={a.result}
          action={(e) =>
            // A manager decides others' contests, and contests what was written about them (someone else decides).
            e.staff_id !== me
              ? e.contest === 'pending' && <Decide entry={e} onDone={onChange} />
              : e.contest === null && SCORED_KINDS.includes(e.kind) && <Contest entry={e} onDone={onChange} />
          }
        />
      )}
    </>
  );
}

/** A new entry: its kind, day, the sheet's item it takes points for (findings and deductions only), how often, and what happened. */
function AddEntry({ staffId, onDone }: { staffId: string; onDone: () => void }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { day: today } = useHallDay(useNow(60_000));
  const { rules } = currentSheet(replica);
  const { error, check } = useCommandError();
  const [kind, setKind] = useState<EntryKind>('inspection');
  const [day, setDay] = useState(today);
  const [item, setItem] = useState('');
  const [times, setTimes] = useState(1);
  const [note, setNote] = useState('');
  const scored = SCORED_KINDS.includes(kind);
  return (
    <form
      className="archive-entry"
      aria-label={t('ar.addEntry')}
      onSubmit={(e) => {
        e.preventDefault();
        void api.command('archive.addEntry', { staffId, kind, day, item: scored && item ? item : null, times, note }).then((o) => {
          if (!check(o)) return;
          setNote('');
          setItem('');
          setTimes(1);
          onDone();
        });
      }}
    >
      <h3>{t('ar.addEntry')}</h3>
      <div className="row">
        <label>
          {t('ar.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as EntryKind)}>
            <Options items={ENTRY_KINDS} label={(k) => t(`ar.kind.${k}`)} />
          </select>
        </label>
        <label>
          {t('ar.day')}
          <input type="date" value={day} max={today} onChange={(e) => setDay(e.target.value)} required />
        </label>
        {scored && (
          <>
            <label>
              {t('ar.item')}
              <select value={item} onChange={(e) => setItem(e.target.value)}>
                <option value="">{t('ar.noItem')}</option>
                {rules.items.map((i) => (
                  <option key={i.code} value={i.code}>
                    {itemName(t, rules, i.code)} −{i.points}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('ar.times')}
              <input type="number" min={1} max={31} value={times} onChange={(e) => setTimes(Number(e.target.value))} />
            </label>
          </>
        )}
        <label className="grow">
          {t('ar.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} required />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('ar.save')}
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}

/** A manager's decision on a contest: upheld (the entry stops counting) or rejected, with the reasons. */
function Decide({ entry, onDone }: { entry: ArchiveMonth['entries'][number]; onDone: () => void }) {
  const { api } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [note, setNote] = useState('');
  return (
    <form
      className="row"
      aria-label={t('ar.decide', { day: entry.day })}
      onSubmit={(e) => {
        e.preventDefault();
        const upheld = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'uphold';
        void api.command('archive.decideContest', { entryId: entry.id, upheld, note }).then((o) => check(o) && onDone());
      }}
    >
      <span>
        {t('ar.grounds')}: {entry.contest_grounds}
      </span>
      <label className="grow">
        {t('ar.decisionNote')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} required />
      </label>
      <button type="submit" className="btn btn-primary" value="uphold">
        {t('ar.uphold')}
      </button>
      <button type="submit" className="btn" value="reject">
        {t('ar.reject')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

/** The month's ranking by department, from the scores published; publishing scores the month under the sheet in force. */
function Ranking({ month, tick, onChange }: { month: string; tick: number; onChange: () => void }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [scored, setScored] = useState<{ version: number; scored: number } | null>(null);
  const ranking = useHubQuery(
    'archive.ranking',
    useMemo(() => ({ month }), [month]),
    tick,
  );
  const r = ranking.result;
  return (
    <section className="card" aria-label={t('ar.ranking')}>
      <div className="case-head">
        <h2>{t('ar.ranking')}</h2>
        <button
          type="button"
          className="btn small"
          onClick={() =>
            void api.command('archive.scoreMonth', { month }).then((o) => {
              if (!check(o) || o.ok !== true) return;
              setScored(o.result);
              onChange();
            })
          }
        >
          {t('ar.scoreMonth')}
        </button>
        {scored && <span role="status">{t('ar.scoredLine', { version: scored.version, n: scored.scored })}</span>}
      </div>
      <ErrorLine error={error ?? ranking.error} />
      {r &&
        (r.version === null ? (
          <p className="muted">{t('ar.notScored')}</p>
        ) : (
          <p className="muted">{t('ar.rankingVersion', { version: r.version })}</p>
        ))}
      {r?.departments.map((d) => {
        const name = rowById(replica, 'departments', d.departmentId)?.name ?? t('ar.noDepartment');
        return (
          <div key={d.departmentId ?? ''} className="archive-dept">
            <h3>
              {name}{' '}
              <span className="muted">
                {t('ar.deptLine', {
                  scored: d.scored,
                  full: d.full,
                  deducted: d.deducted,
                  contested: d.contested,
                  complaints: d.complaints,
                  substantiated: d.substantiatedComplaints,
                })}
              </span>
            </h3>
            <DataTable
              label={name}
              rows={d.staff}
              rowKey={(s) => s.staffId}
              columns={[
                { header: t('ar.rank'), cell: (s) => s.rank },
                { header: t('ar.staff'), rowHeader: true, cell: (s) => rowById(replica, 'staff', s.staffId)?.name ?? '—' },
                { header: t('ar.got'), cell: (s) => s.score },
              ]}
            />
          </div>
        );
      })}
    </section>
  );
}
