import { useState } from 'react';
import { checkCreditCode, checkPhone, checkResidentId, type IdCheck } from '../../../../shared/identity/rules';
import { refusalError } from '../../../../shared/kernel/refusal';
import { APPLICANT_TYPES, type ApplicantType } from '../../../../shared/cases/enums';
import type { Applicant } from '../../../../shared/cases/commands';
import { useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useI18n } from '../../i18n';

/**
 * The applicant as a clerk types them in (收件, and 代办收件 for a hall above): person or enterprise,
 * name, ID number or credit code, phone. Identity numbers are checked as they are typed, with the
 * same rules as the hub. `applicant` is the payload as the hub takes it; `valid` is false while a
 * number typed in is wrong (the submit button waits for it).
 */
export function useApplicant() {
  const [type, setType] = useState<ApplicantType>('person');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [creditCode, setCreditCode] = useState('');
  const [phone, setPhone] = useState('');
  const { day } = useHallDay(useNow(60_000));
  // Today's date too: a birth date in the future is refused (the hub checks again with its own day).
  const idCheck = type === 'person' && idNumber ? checkResidentId(idNumber, day) : null;
  const codeCheck = type === 'enterprise' && creditCode ? checkCreditCode(creditCode) : null;
  const phoneCheck = phone ? checkPhone(phone) : null;
  const applicant: Applicant = {
    type,
    name: name.trim(),
    idNumber: type === 'person' ? idNumber.trim() : null,
    creditCode: type === 'enterprise' ? creditCode.trim() : null,
    phone: phone.trim(),
  };
  const valid = idCheck?.ok !== false && codeCheck?.ok !== false && phoneCheck?.ok !== false;
  const state = { type, setType, name, setName, idNumber, setIdNumber, creditCode, setCreditCode, phone, setPhone };
  return { applicant, valid, fields: { ...state, idCheck, codeCheck, phoneCheck } };
}

export type ApplicantState = ReturnType<typeof useApplicant>['fields'];

/** The applicant's inputs; `refusedField` is the field a refusal named (marked for the eye and the screen reader). */
export function ApplicantInputs({ s, refusedField }: { s: ApplicantState; refusedField?: unknown }) {
  const { t } = useI18n();
  return (
    <>
      <div className="row">
        {APPLICANT_TYPES.map((a) => (
          <label key={a} className="radio">
            <input type="radio" name="atype" checked={s.type === a} onChange={() => s.setType(a)} />
            {t(`case.applicantType.${a}`)}
          </label>
        ))}
      </div>
      <label>
        {s.type === 'person' ? t('case.name') : t('case.enterpriseName')}
        <input
          value={s.name}
          onChange={(e) => s.setName(e.target.value)}
          maxLength={100}
          required
          aria-invalid={refusedField === 'applicant.name' || undefined}
        />
      </label>
      {s.type === 'person' ? (
        <Checked label={t('case.idNumber')} value={s.idNumber} onChange={s.setIdNumber} result={s.idCheck} />
      ) : (
        <Checked label={t('case.creditCode')} value={s.creditCode} onChange={s.setCreditCode} result={s.codeCheck} />
      )}
      <Checked label={t('case.phone')} value={s.phone} onChange={s.setPhone} result={s.phoneCheck} />
    </>
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
