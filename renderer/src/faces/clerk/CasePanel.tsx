import { useState } from 'react';
import { caseSignal } from '../../../../shared/cases/rules';
import { rowById, rowsOf, type CommandOutcome } from '../../../../shared/protocol';
import { type CaseListRow } from '../../../../shared/cases/queries';
import { ErrorLine, KeyButton } from '../../ui/components';
import { useHall, useHallDay, useNow } from '../../app/hall';
import { useI18n } from '../../i18n';
import { formatDateTime, sortCases } from '../../features/cases/caseView';
import { CaseDetail } from '../../features/cases/CaseDetail';
import { RegisterCase } from './RegisterCase';

type Scope = 'mine' | 'department';

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
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const staff = rowById(replica, 'staff', staffId);
  const held =
    rowsOf(replica, 'tickets').find((tk) => tk.counter_id === counterId && (tk.status === 'called' || tk.status === 'serving')) ?? null;
  const cases = rowsOf(replica, 'cases').filter((c) =>
    scope === 'mine' ? c.first_clerk_id === staffId || c.handler_id === staffId : c.department_id === staff?.department_id,
  );
  const open = sortCases(
    cases.filter((c) => c.status !== 'delivered' && c.status !== 'refused'),
    day,
  );
  const selected = rowById(replica, 'cases', openId);

  const search = async () => {
    if (!text.trim()) return setFound(null);
    const r = await api.query('cases.search', { text: text.trim(), scope, counterId });
    if (r.ok) {
      setFound(r.result.rows);
      setError(null);
    } else setError(r.error.message);
  };
  const registered = (outcome: CommandOutcome<'case.register'>) => {
    setRegistering(false);
    if (outcome.ok === true) setOpenId(outcome.result.case.id);
    setNote(outcome.ok === 'queued' ? t('case.queued') : null);
  };

  if (selected) return <CaseDetail c={selected} counterId={counterId} onClose={() => setOpenId(null)} />;
  return (
    <section className="card cases" aria-label={t('case.title')}>
      <div className="case-head">
        <h2>{t('case.title')}</h2>
        <KeyButton label={t('case.register')} hotkey="Insert" variant="primary" onPress={() => setRegistering(true)} />
      </div>
      {note && <p className="info">{note}</p>}
      <div className="row">
        <div role="tablist" className="tabs" aria-label={t('case.title')}>
          {(['mine', 'department'] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={scope === s}
              className={`tab ${scope === s ? 'active' : ''}`}
              onClick={() => (setScope(s), setFound(null))}
            >
              {t(`case.scope.${s}`)}
            </button>
          ))}
        </div>
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
      </div>
      <ErrorLine error={error} />
      {found ? (
        <table className="service-table" aria-label={t('case.results')}>
          <tbody>
            {found.map((r) => (
              <tr
                key={r.id}
                className={rowById(replica, 'cases', r.id) ? 'clickable' : ''}
                onClick={() => rowById(replica, 'cases', r.id) && setOpenId(r.id)}
              >
                <td className="mono">{r.number}</td>
                <td>{r.itemName}</td>
                <td>{r.applicantName}</td>
                <td>{t(`case.status.${r.status}`)}</td>
                <td>{formatDateTime(r.receivedAt)}</td>
              </tr>
            ))}
            {found.length === 0 && (
              <tr>
                <td className="muted">{t('case.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
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
                aria-label={`${c.number} ${c.applicant_name} ${t(`case.signal.${caseSignal(c, day)}`)}`}
              >
                <span className="dot" aria-hidden="true" />
                <span className="mono">{c.number}</span>
                <span>{rowById(replica, 'catalog_items', c.item_id)?.name}</span>
                <span>{c.applicant_name}</span>
                <span>{t(`case.status.${c.status}`)}</span>
                <span>{c.promised_due ? t('case.dueShort', { d: c.promised_due }) : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {registering && <RegisterCase counterId={counterId} ticket={held} onDone={registered} onCancel={() => setRegistering(false)} />}
    </section>
  );
}
