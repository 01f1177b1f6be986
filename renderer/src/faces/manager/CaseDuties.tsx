import { useState, type FormEvent } from 'react';
import { CASE_DUTIES, CASE_ROLES, DUTY_STAGES, STEP_TAKERS, type CaseDuty, type StepTaker } from '../../../../shared/cases/enums';
import { heldDuties } from '../../../../shared/cases/rules';
import { parseCaseSettings, type StepDuties } from '../../../../shared/cases/settings';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { useDraft } from '../../ui/useDraft';

/**
 * The separation of duties in cases, as the administrator sets it: who holds the 审核 and 批准
 * duties (checkboxes in the staff list), who heads each department, and who may take each stage.
 * The hub validates each change and audits it.
 */

/** A staff member's duty checkboxes; only for someone of a department (duties are within one). */
export function DutyBoxes({
  s,
  check,
  onSet,
}: {
  s: Row<'staff'>;
  check: ReturnType<typeof useCommandError>['check'];
  onSet: (message: string) => void;
}) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const stored = heldDuties(rowsOf(replica, 'staff_duties'), s.id);
  // The box shows the administrator's choice at once, while the hub decides; the stored duties
  // take over when they change (the hub's answer arriving), or again at once on a refusal.
  const [held, setHeld] = useDraft<readonly CaseDuty[]>(stored);
  if (s.department_id === null) return null;
  const toggle = async (duty: CaseDuty, on: boolean) => {
    const duties = on ? [...held, duty] : held.filter((d) => d !== duty);
    setHeld(duties);
    if (check(await api.command('staff.setDuties', { staffId: s.id, duties }))) onSet(t('staff.dutiesSet', { name: s.name }));
    else setHeld(stored);
  };
  return (
    <span className="row">
      {CASE_DUTIES.map((duty) => (
        <label key={duty} className="radio">
          {/* Named by its label alone: the row's header (the login) says whose it is. */}
          <input type="checkbox" checked={held.includes(duty)} onChange={(e) => void toggle(duty, e.target.checked)} />
          {t(`staff.duty.${duty}`)}
        </label>
      ))}
    </span>
  );
}

/** Each department's head (负责人), chosen among its members. */
export function DepartmentHeads() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [done, setDone] = useState<string | null>(null);
  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const staff = rowsOf(replica, 'staff').sort((a, b) => a.login.localeCompare(b.login));
  const setHead = async (d: Row<'departments'>, staffId: string) => {
    setDone(null);
    if (check(await api.command('department.setHead', { departmentId: d.id, staffId: staffId || null })))
      setDone(t('staff.headSet', { d: d.name }));
  };
  return (
    <>
      <h3 className="subhead">{t('staff.heads')}</h3>
      <ErrorLine error={error} />
      {done && <p className="info">{done}</p>}
      <DataTable
        label={t('staff.heads')}
        rows={departments}
        rowKey={(d) => d.id}
        columns={[
          { rowHeader: true, cell: (d) => d.name },
          {
            cell: (d) => (
              <select
                aria-label={t('staff.headOf', { d: d.name })}
                value={d.head_staff_id ?? ''}
                onChange={(e) => void setHead(d, e.target.value)}
              >
                <option value="">{t('staff.noHead')}</option>
                <Options
                  items={staff.filter((s) => s.department_id === d.id)}
                  value={(s) => s.id}
                  label={(s) => `${s.name}（${s.login}）`}
                />
              </select>
            ),
          },
        ]}
      />
    </>
  );
}

/** Who may take each stage of a case, and whom they must not be (the hall's case settings). */
export function StepDutiesForm() {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [saved, setSaved] = useState(false);
  const stored = parseCaseSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.case_settings ?? '{}').steps;
  const [steps, setSteps] = useDraft<StepDuties>(stored);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(check(await api.command('hall.setCaseSettings', { steps })));
  };
  return (
    <form className="step-duties" onSubmit={save} aria-label={t('staff.steps')}>
      <h3 className="subhead">{t('staff.steps')}</h3>
      {DUTY_STAGES.map((stage) => {
        const rule = steps[stage];
        const stageName = t(`staff.stage.${stage}`);
        return (
          <fieldset key={stage}>
            <legend>{stageName}</legend>
            <select
              aria-label={t('staff.stepBy', { stage: stageName })}
              value={rule.by}
              onChange={(e) => (setSteps({ ...steps, [stage]: { ...rule, by: e.target.value as StepTaker } }), setSaved(false))}
            >
              <Options items={STEP_TAKERS} label={(by) => t(`staff.by.${by}`)} />
            </select>
            {CASE_ROLES.map((role) => (
              <label key={role} className="radio">
                <input
                  type="checkbox"
                  aria-label={t('staff.apartFor', { stage: stageName, rule: t(`staff.apart.${role}`) })}
                  checked={rule.apartFrom.includes(role)}
                  onChange={(e) => {
                    const apartFrom = e.target.checked ? [...rule.apartFrom, role] : rule.apartFrom.filter((r) => r !== role);
                    setSteps({ ...steps, [stage]: { ...rule, apartFrom } });
                    setSaved(false);
                  }}
                />
                {t(`staff.apart.${role}`)}
              </label>
            ))}
          </fieldset>
        );
      })}
      <div className="row">
        <button type="submit" className="btn btn-primary">
          {t('staff.stepsSave')}
        </button>
        {saved && <span className="info">{t('staff.stepsSaved')}</span>}
        <ErrorLine error={error} />
      </div>
    </form>
  );
}
