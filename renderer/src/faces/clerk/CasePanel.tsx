import { useState } from 'react';
import { type CaseListRow } from '../../../../shared/cases/queries';
import { rowById, rowsOf, type CommandOutcome } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { formatDateTime, useNow } from '../../app/time';
import { CaseDetail } from '../../features/cases/CaseDetail';
import { sortCases } from '../../features/cases/caseView';
import { heldTicket } from '../../features/queue/tickets';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { KeyButton } from '../../ui/KeyButton';
import { Tabs } from '../../ui/Tabs';
import { RegisterCase } from './RegisterCase';

type Scope = 'mine' | 'department';

/** What a whole resident ID number looks like as typed: 17 digits and a digit or X. */
const WHOLE_ID = /^\d{17}[\dXx]$/;

/**
 * The clerk's cases: register one (Insert), the open ones of the clerk or the department with
 * their due days and colours, and a search through the hall's history (asked of the hub).
 */
export function CasePanel({ counterId, staffId }: { counterId: string; staffId: string }) {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow(60_000);
  const { day } = useHallDay(now);
  const [scope, setScope] = useState<Scope>('mine');
  const [registering, setRegistering] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState<CaseListRow[] | null>(null);
  const { error, check } = useCommandError();
  const [note, setNote] = useState<string | null>(null);
  const staff = rowById(replica, 'staff', staffId);
  const held = heldTicket(rowsOf(replica, 'tickets'), counterId) ?? null;
  // The department's cases: those it leads, and those with a part it decides (联审).
  const partOf = new Set(
    rowsOf(replica, 'case_parts')
      .filter((p) => p.department_id === staff?.department_id)
      .map((p) => p.case_id),
  );
  const cases = rowsOf(replica, 'cases').filter((c) =>
    scope === 'mine'
      ? c.first_clerk_id === staffId || c.handler_id === staffId
      : c.department_id === staff?.department_id || partOf.has(c.id),
  );
  const open = sortCases(
    cases.filter((c) => c.status !== 'delivered' && c.status !== 'refused'),
    day,
  );
  const selected = rowById(replica, 'cases', openId);

  const search = async () => {
    const asked = text.trim();
    if (!asked) return setFound(null);
    // A whole ID number is asked of the hub as a reveal (audited, counted); the rest as a search.
    const r = WHOLE_ID.test(asked)
      ? await api.command('case.findByIdNumber', { idNumber: asked, scope, counterId })
      : await api.query('cases.search', { text: asked, scope, counterId });
    setFound(check(r) && r.ok === true ? r.result.rows : null);
  };
  const registered = (outcome: CommandOutcome<'case.register'>) => {
    setRegistering(false);
    if (outcome.ok === true) setOpenId(outcome.result.case.id);
    setNote(outcome.ok === 'queued' ? t('case.queued') : null);
  };
  /** A found case opens when this terminal holds it (the rest of the hall's history is only listed). */
  const isHere = (id: string) => rowById(replica, 'cases', id) !== undefined;

  if (selected) return <CaseDetail c={selected} counterId={counterId} staffId={staffId} onClose={() => setOpenId(null)} />;
  return (
    <section className="card cases" aria-label={t('case.title')}>
      <div className="case-head">
        <h2>{t('case.title')}</h2>
        <KeyButton label={t('case.register')} hotkey="Insert" variant="primary" onPress={() => setRegistering(true)} />
      </div>
      {note && <p className="info">{note}</p>}
      <Tabs
        label={t('case.title')}
        tabs={[
          { id: 'mine', label: t('case.scope.mine') },
          { id: 'department', label: t('case.scope.department') },
        ]}
        selected={scope}
        onSelect={(s) => (setScope(s), setFound(null))}
        aside={
          <form
            className="row"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              void search();
            }}
          >
            <input
              aria-label={t('case.search')}
              placeholder={t('case.searchHint')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={50}
            />
            <button type="submit" className="btn small" disabled={connection.status !== 'connected'}>
              {t('case.search')}
            </button>
          </form>
        }
      >
        <ErrorLine error={error} />
        {found ? (
          <DataTable
            label={t('case.results')}
            rows={found}
            rowKey={(r) => r.id}
            rowClass={(r) => (isHere(r.id) ? 'clickable' : '')}
            onRowClick={(r) => isHere(r.id) && setOpenId(r.id)}
            empty={t('case.none')}
            columns={[
              { rowHeader: true, className: 'mono', cell: (r) => r.number },
              { cell: (r) => r.itemName },
              { cell: (r) => r.applicantName },
              { cell: (r) => t(`case.status.${r.status}`) },
              { cell: (r) => formatDateTime(r.receivedAt) },
            ]}
          />
        ) : open.length === 0 ? (
          <p className="muted">{t('case.none')}</p>
        ) : (
          <ul className="case-list" aria-label={t(`case.scope.${scope}`)}>
            {open.map(({ c, signal }) => (
              <li key={c.id}>
                <button
                  type="button"
                  className={`case-row signal-${signal}`}
                  onClick={() => setOpenId(c.id)}
                  aria-label={[
                    c.number,
                    c.applicant_name,
                    t(`case.signal.${signal}`),
                    ...(c.origin_hall_name ? [t('pxd.originShort', { hall: c.origin_hall_name })] : []),
                  ].join(' ')}
                >
                  <span className="dot" aria-hidden="true" />
                  <span className="mono">{c.number}</span>
                  <span>
                    {rowById(replica, 'catalog_items', c.item_id)?.name}
                    {c.origin_hall_name && <span className="badge proxy-origin">{t('pxd.originShort', { hall: c.origin_hall_name })}</span>}
                  </span>
                  <span>{c.applicant_name}</span>
                  <span>{t(`case.status.${c.status}`)}</span>
                  <span>{c.promised_due ? t('case.dueShort', { d: c.promised_due }) : ''}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Tabs>
      {registering && <RegisterCase counterId={counterId} ticket={held} onDone={registered} onCancel={() => setRegistering(false)} />}
    </section>
  );
}
