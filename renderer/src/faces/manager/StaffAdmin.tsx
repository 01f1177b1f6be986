import { useState, type FormEvent } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../../shared/kernel/roles';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { StaffEditForm } from '../../features/setup/StaffEditForm';
import { DepartmentHeads, DutyBoxes, StepDutiesForm } from './CaseDuties';

/**
 * The hall's staff: the administrator adds people, sets a new password for one who forgot it, and
 * sets the separation of duties in cases (duties, department heads, who takes each stage).
 */
export function StaffAdmin() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [done, setDone] = useState<string | null>(null);
  const [draft, setDraft] = useState({ login: '', name: '', role: 'clerk' as StaffRole, departmentId: '', password: '' });
  const [resetting, setResetting] = useState<{ id: string; password: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const staff = rowsOf(replica, 'staff').sort((a, b) => a.login.localeCompare(b.login));
  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await api.command('staff.create', {
      staffId: crypto.randomUUID(),
      ...draft,
      login: draft.login.trim(),
      name: draft.name.trim(),
      departmentId: draft.departmentId || null,
    });
    if (check(outcome)) {
      setDone(t('staff.added', { login: draft.login.trim() }));
      setDraft({ ...draft, login: '', name: '', password: '' });
    }
  };
  const reset = async (e: FormEvent, s: Row<'staff'>, password: string) => {
    e.preventDefault();
    if (check(await api.command('staff.setPassword', { staffId: s.id, password }))) {
      setResetting(null);
      setDone(t('staff.reset', { login: s.login }));
    }
  };
  return (
    <section className="card" aria-label={t('staff.title')}>
      <h2>{t('staff.title')}</h2>
      <form className="threshold-form" onSubmit={add} aria-label={t('staff.add')}>
        <label className="inline">
          {t('clerk.login')}
          <input value={draft.login} onChange={(e) => setDraft({ ...draft, login: e.target.value })} required />
        </label>
        <label className="inline">
          {t('staff.name')}
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required />
        </label>
        <label className="inline">
          {t('staff.role')}
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as StaffRole })}>
            <Options items={STAFF_ROLES} label={(r) => t(`staffRole.${r}`)} />
          </select>
        </label>
        <label className="inline">
          {t('sup.department')}
          <select value={draft.departmentId} onChange={(e) => setDraft({ ...draft, departmentId: e.target.value })}>
            <option value="">—</option>
            <Options items={departments} value={(d) => d.id} label={(d) => d.name} />
          </select>
        </label>
        <label className="inline">
          {t('staff.firstPassword')}
          <input
            type="password"
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
            required
            minLength={8}
            autoComplete="new-password"
          />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('staff.add')}
        </button>
      </form>
      <ErrorLine error={error} />
      {done && <p className="info">{done}</p>}
      <div className="scroll">
        <DataTable
          label={t('staff.list')}
          rows={staff}
          rowKey={(s) => s.id}
          rowClass={(s) => (s.disabled_at === null ? '' : 'revoked')}
          detail={(s) => (editing === s.id ? <StaffEditForm staff={s} onDone={() => setEditing(null)} /> : null)}
          columns={[
            { rowHeader: true, className: 'mono', cell: (s) => s.login },
            { cell: (s) => s.name },
            { cell: (s) => t(`staffRole.${s.role}`) },
            { cell: (s) => rowById(replica, 'departments', s.department_id)?.name ?? '' },
            { cell: (s) => (s.disabled_at === null ? t('hs.activeShort') : t('hs.disabled')) },
            {
              cell: (s) => (
                <button
                  type="button"
                  className="btn small"
                  aria-label={t('hs.staffEdit', { login: s.login })}
                  onClick={() => setEditing(editing === s.id ? null : s.id)}
                >
                  {t('hs.edit')}
                </button>
              ),
            },
            { cell: (s) => <DutyBoxes s={s} check={check} onSet={setDone} /> },
            {
              cell: (s) =>
                resetting?.id === s.id ? (
                  <form className="row" onSubmit={(e) => void reset(e, s, resetting.password)}>
                    <input
                      type="password"
                      aria-label={t('staff.newPassword', { login: s.login })}
                      value={resetting.password}
                      onChange={(e) => setResetting({ id: s.id, password: e.target.value })}
                      minLength={8}
                      required
                      autoFocus
                    />
                    <button type="submit" className="btn small">
                      {t('app.confirm')}
                    </button>
                  </form>
                ) : (
                  <button type="button" className="btn small" onClick={() => setResetting({ id: s.id, password: '' })}>
                    {t('staff.resetButton')}
                  </button>
                ),
            },
          ]}
        />
      </div>
      <DepartmentHeads />
      <StepDutiesForm />
    </section>
  );
}
