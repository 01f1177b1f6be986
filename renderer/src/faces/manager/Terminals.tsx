import { useState } from 'react';
import { TERMINAL_ROLES, type TerminalRole } from '../../../../shared/kernel/roles';
import { rowById, rowsOf, type CommandOutcome } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { formatTime } from '../../app/time';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';

/**
 * The hall's terminals: add one (its one-time code is shown here once, to be typed on the new
 * PC), give a new code, or revoke one at once. A kiosk where staff confirmations failed too often
 * says so here, until its first try once the pause is over.
 */
export function Terminals() {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const terminals = rowsOf(replica, 'terminals').sort((a, b) => a.created_at - b.created_at);
  const counters = rowsOf(replica, 'counters').sort((a, b) => a.number - b.number);
  const zones = rowsOf(replica, 'zones').sort((a, b) => a.sort - b.sort);
  const [draft, setDraft] = useState({ role: 'display' as TerminalRole, name: '', counterId: '', zone: '' });
  const [issued, setIssued] = useState<{ name: string; code: string; expiresAt: number } | null>(null);
  const { error, check } = useCommandError();
  /** Shows the code a new terminal or a new code comes with; a revocation has none. */
  const show = (outcome: CommandOutcome<'terminal.create' | 'terminal.newCode' | 'terminal.revoke'>) => {
    if (!check(outcome) || outcome.ok !== true) return;
    const r = outcome.result;
    setIssued('code' in r ? { name: r.terminal.name, code: r.code, expiresAt: r.expiresAt } : null);
  };
  const needsCounter = draft.role === 'clerk' || draft.role === 'evaluator';
  return (
    <section className="card terminals" aria-label={t('term.title')}>
      <h2>{t('term.title')}</h2>
      {issued && (
        <p className="enroll-code" role="status">
          {t('term.code', { name: issued.name })} <strong>{issued.code}</strong> {t('term.until', { t: formatTime(issued.expiresAt) })}
          {connection.welcome?.tlsFingerprint && (
            <span className="fingerprint"> {t('term.fingerprint', { f: connection.welcome.tlsFingerprint })}</span>
          )}
        </p>
      )}
      <ErrorLine error={error} />
      <DataTable
        label={t('term.list')}
        rows={terminals}
        rowKey={(tm) => tm.id}
        rowClass={(tm) => (tm.revoked_at ? 'revoked' : '')}
        columns={[
          { rowHeader: true, cell: (tm) => tm.name },
          { cell: (tm) => t(`role.${tm.role}`) },
          { cell: (tm) => rowById(replica, 'counters', tm.counter_id)?.name ?? tm.zone },
          {
            cell: (tm) =>
              tm.revoked_at ? (
                t('term.revoked')
              ) : tm.confirm_locked_until ? (
                <span className="error">{t('term.confirmLocked', { t: formatTime(tm.confirm_locked_until) })}</span>
              ) : (
                ''
              ),
          },
          {
            cell: (tm) =>
              !tm.revoked_at &&
              tm.id !== connection.welcome?.terminalId && (
                <>
                  <button
                    type="button"
                    className="btn small"
                    aria-label={`${tm.name} ${t('term.newCode')}`}
                    onClick={async () => show(await api.command('terminal.newCode', { terminalId: tm.id }))}
                  >
                    {t('term.newCode')}
                  </button>{' '}
                  <button
                    type="button"
                    className="btn small btn-danger"
                    aria-label={`${tm.name} ${t('term.revoke')}`}
                    onClick={async () =>
                      window.confirm(t('term.confirmRevoke', { name: tm.name })) &&
                      show(await api.command('terminal.revoke', { terminalId: tm.id }))
                    }
                  >
                    {t('term.revoke')}
                  </button>
                </>
              ),
          },
        ]}
      />
      <form
        className="threshold-form"
        aria-label={t('term.add')}
        onSubmit={async (e) => {
          e.preventDefault();
          show(
            await api.command('terminal.create', {
              role: draft.role,
              name: draft.name.trim(),
              counterId: needsCounter ? draft.counterId || null : null,
              zone: needsCounter ? '' : draft.zone,
            }),
          );
        }}
      >
        <label className="inline">
          {t('setup.role')}
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as TerminalRole })}>
            <Options items={TERMINAL_ROLES} label={(r) => t(`role.${r}`)} />
          </select>
        </label>
        <label className="inline">
          {t('term.name')}
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={60} />
        </label>
        {needsCounter ? (
          <label className="inline">
            {t('term.counter')}
            <select value={draft.counterId} onChange={(e) => setDraft({ ...draft, counterId: e.target.value })} required>
              <option value="" />
              <Options items={counters} value={(c) => c.id} label={(c) => c.name} />
            </select>
          </label>
        ) : (
          <label className="inline">
            {t('term.zone')}
            <select value={draft.zone} onChange={(e) => setDraft({ ...draft, zone: e.target.value })}>
              <option value="">{t('hs.noZone')}</option>
              <Options items={zones} value={(z) => z.name} label={(z) => z.name} />
            </select>
          </label>
        )}
        <button type="submit" className="btn btn-primary small">
          {t('term.add')}
        </button>
      </form>
    </section>
  );
}
