import { useState, type FormEvent } from 'react';
import { rowsOf, type CommandOutcome, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { hallNow } from '../../app/time';
import { ApplicantInputs, useApplicant } from '../../features/cases/ApplicantFields';
import { parseList } from '../../features/cases/caseView';
import { useI18n } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { CheckList } from '../../ui/CheckList';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';

/**
 * 收件: the clerk registers a case, for the ticket in front of them or without one (an agent's
 * case). Identity numbers are checked as they are typed, with the same rules as the hub.
 */
export function RegisterCase(props: {
  counterId: string;
  ticket: Row<'tickets'> | null;
  onDone: (outcome: CommandOutcome<'case.register'>) => void;
  onCancel: () => void;
}) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const services = new Set(
    rowsOf(replica, 'counter_services')
      .filter((cs) => cs.counter_id === props.counterId)
      .map((cs) => cs.service_id),
  );
  // The counter's own items first, then the rest of the catalog.
  const items = rowsOf(replica, 'catalog_items')
    .filter((i) => i.active === 1)
    .sort((a, b) => Number(!services.has(a.service_id ?? '')) - Number(!services.has(b.service_id ?? '')) || a.code.localeCompare(b.code));
  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const preferred = props.ticket ? items.find((i) => i.service_id === props.ticket!.service_id) : undefined;
  const [itemId, setItemId] = useState(preferred?.id ?? items[0]?.id ?? '');
  const item = items.find((i) => i.id === itemId);
  const { applicant, valid, fields } = useApplicant();
  const [agentName, setAgentName] = useState('');
  const [green, setGreen] = useState(props.ticket?.priority === 'green' || props.ticket?.priority === 'major');
  const [linkTicket, setLinkTicket] = useState(props.ticket !== null);
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [parts, setParts] = useState<{ departmentId: string; limitDays: number }[]>([]);
  const materials = item ? parseList(item.materials) : [];

  // The field a refusal names (an empty name, say), marked for the eye and the screen reader.
  const refusedField = typeof error === 'object' ? error?.params?.field : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!item) return;
    const outcome = await api.command('case.register', {
      caseId: crypto.randomUUID(),
      counterId: props.counterId,
      at: hallNow(),
      ticketId: linkTicket && props.ticket ? props.ticket.id : null,
      itemId: item.id,
      applicant,
      agentName: agentName.trim() || null,
      green,
      materialsReceived: materials.filter((m) => !unchecked.has(m)),
      parts,
    });
    if (check(outcome)) props.onDone(outcome);
  };

  return (
    <Dialog title={t('case.register')} onClose={props.onCancel}>
      <form className="dialog-form case-form" onSubmit={submit} aria-label={t('case.register')}>
        <label>
          {t('case.item')}
          <select autoFocus value={itemId} onChange={(e) => (setItemId(e.target.value), setUnchecked(new Set()))} required>
            <Options
              items={items}
              value={(i) => i.id}
              label={(i) =>
                t('case.itemOption', {
                  name: i.name,
                  limit:
                    i.mode === 'instant'
                      ? t('case.instant')
                      : t('case.promisedLimit', { n: i.promised_limit, unit: t(`limitUnit.${i.limit_unit}`) }),
                })
              }
            />
          </select>
        </label>
        {props.ticket && (
          <label className="radio">
            <input type="checkbox" checked={linkTicket} onChange={(e) => setLinkTicket(e.target.checked)} />
            {t('case.linkTicket', { n: props.ticket.number })}
          </label>
        )}
        <fieldset>
          <legend>{t('case.applicant')}</legend>
          <ApplicantInputs s={fields} refusedField={refusedField} />
          <label>
            {t('case.agent')}
            <input value={agentName} onChange={(e) => setAgentName(e.target.value)} maxLength={50} placeholder={t('case.agentHint')} />
          </label>
          <label className="radio">
            <input type="checkbox" checked={green} onChange={(e) => setGreen(e.target.checked)} />
            {t('case.green')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('case.materialsReceived')}</legend>
          <CheckList
            items={materials}
            selected={new Set(materials.filter((m) => !unchecked.has(m)))}
            onChange={(received) => setUnchecked(new Set(materials.filter((m) => !received.has(m))))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('case.joint')}</legend>
          {parts.map((p, i) => (
            <div key={i} className="row">
              <select
                aria-label={t('case.jointDept', { n: i + 1 })}
                value={p.departmentId}
                onChange={(e) => setParts(parts.map((x, j) => (j === i ? { ...x, departmentId: e.target.value } : x)))}
              >
                <Options items={departments.filter((d) => d.id !== item?.department_id)} value={(d) => d.id} label={(d) => d.name} />
              </select>
              <input
                type="number"
                min={0}
                max={720}
                aria-label={t('case.jointDays', { n: i + 1 })}
                value={p.limitDays}
                onChange={(e) => setParts(parts.map((x, j) => (j === i ? { ...x, limitDays: Number(e.target.value) } : x)))}
              />
              <button type="button" className="btn small" onClick={() => setParts(parts.filter((_, j) => j !== i))}>
                {t('case.jointRemove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn small"
            onClick={() =>
              setParts([
                ...parts,
                {
                  departmentId:
                    departments.find((d) => d.id !== item?.department_id && !parts.some((p) => p.departmentId === d.id))?.id ?? '',
                  limitDays: 5,
                },
              ])
            }
          >
            {t('case.jointAdd')}
          </button>
        </fieldset>
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-primary" disabled={!item || !valid}>
          {t('case.registerSubmit')}
        </button>
      </form>
    </Dialog>
  );
}
