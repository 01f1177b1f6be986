import { useState, type FormEvent } from 'react';
import { checkCreditCode, checkPhone, checkResidentId, type IdCheck } from '../../../../shared/identity/rules';
import { refusalError } from '../../../../shared/kernel/refusal';
import { APPLICANT_TYPES, type ApplicantType } from '../../../../shared/cases/enums';
import { rowsOf, type CommandOutcome, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { hallNow, useNow } from '../../app/time';
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
  const [type, setType] = useState<ApplicantType>('person');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [creditCode, setCreditCode] = useState('');
  const [phone, setPhone] = useState('');
  const [agentName, setAgentName] = useState('');
  const [green, setGreen] = useState(props.ticket?.priority === 'green' || props.ticket?.priority === 'major');
  const [linkTicket, setLinkTicket] = useState(props.ticket !== null);
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [parts, setParts] = useState<{ departmentId: string; limitDays: number }[]>([]);
  const materials = item ? parseList(item.materials) : [];

  const { day } = useHallDay(useNow(60_000));
  // Today's date too: a birth date in the future is refused (the hub checks again with its own day).
  const idCheck = type === 'person' && idNumber ? checkResidentId(idNumber, day) : null;
  const codeCheck = type === 'enterprise' && creditCode ? checkCreditCode(creditCode) : null;
  const phoneCheck = phone ? checkPhone(phone) : null;

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
      applicant: {
        type,
        name: name.trim(),
        idNumber: type === 'person' ? idNumber.trim() : null,
        creditCode: type === 'enterprise' ? creditCode.trim() : null,
        phone: phone.trim(),
      },
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
          <div className="row">
            {APPLICANT_TYPES.map((a) => (
              <label key={a} className="radio">
                <input type="radio" name="atype" checked={type === a} onChange={() => setType(a)} />
                {t(`case.applicantType.${a}`)}
              </label>
            ))}
          </div>
          <label>
            {type === 'person' ? t('case.name') : t('case.enterpriseName')}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              required
              aria-invalid={refusedField === 'applicant.name' || undefined}
            />
          </label>
          {type === 'person' ? (
            <Checked label={t('case.idNumber')} value={idNumber} onChange={setIdNumber} result={idCheck} />
          ) : (
            <Checked label={t('case.creditCode')} value={creditCode} onChange={setCreditCode} result={codeCheck} />
          )}
          <Checked label={t('case.phone')} value={phone} onChange={setPhone} result={phoneCheck} />
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
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!item || idCheck?.ok === false || codeCheck?.ok === false || phoneCheck?.ok === false}
        >
          {t('case.registerSubmit')}
        </button>
      </form>
    </Dialog>
  );
}

/** An identity field that says at once what is wrong with it. */
function Checked(props: { label: string; value: string; onChange: (v: string) => void; result: IdCheck | null }) {
  const { tError } = useI18n();
  // The identity rules' refusal, worded in the reader's language.
  const bad = props.result?.ok === false ? tError(refusalError(props.result.refusal)) : null;
  return (
    <label>
      {props.label}
      <input
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        maxLength={40}
        required
        aria-invalid={bad ? true : undefined}
      />
      {bad && <span className="why">{bad}</span>}
    </label>
  );
}
