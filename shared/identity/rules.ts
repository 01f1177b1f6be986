import { parseDay } from '../calendar/rules';
import { ErrorCode } from '../kernel/errors';
import { defineRefusals, type Refusal } from '../kernel/refusal';

/**
 * Identity numbers as entered at the counter, checked before anything is stored.
 * Resident ID (GB 11643): 6-digit region, 8-digit birth date, 3-digit sequence, mod 11-2 check.
 * Unified social credit code (GB 32100): 18 characters, mod 31 check.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** What is wrong with an identity number, for every face to word (see kernel/refusal.ts). */
export const identityRefusals = defineRefusals('identity', {
  idLength: { code: ErrorCode.VALIDATION_FAILED, zh: '身份证号应为 18 位：17 位数字加一位数字或 X' },
  idBirth: { code: ErrorCode.VALIDATION_FAILED, zh: '身份证号中的出生日期无效' },
  idCheckDigit: { code: ErrorCode.VALIDATION_FAILED, zh: '身份证号校验位不符，请核对' },
  creditFormat: { code: ErrorCode.VALIDATION_FAILED, zh: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）' },
  creditCheckDigit: { code: ErrorCode.VALIDATION_FAILED, zh: '统一社会信用代码校验位不符，请核对' },
  phone: { code: ErrorCode.VALIDATION_FAILED, zh: '电话应为 11 位手机号或带区号的固定电话' },
});

/** A checked number, normalised; or why not, in Chinese (`reason`) and as a refusal the faces word. */
export type IdCheck = { ok: true; value: string } | { ok: false; reason: string; refusal: Refusal };
const bad = (refusal: Refusal): IdCheck => ({ ok: false, reason: refusal.zh, refusal });

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Validates a resident ID number; the value is normalised (trimmed, upper-case X). */
export function checkResidentId(input: string, today?: string): IdCheck {
  const value = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return bad(identityRefusals.idLength);
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (parseDay(birth) === null || birth < '1900-01-01' || (today !== undefined && birth > today)) {
    return bad(identityRefusals.idBirth);
  }
  if (residentIdCheckChar(value) !== value[17]) return bad(identityRefusals.idCheckDigit);
  return { ok: true, value };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Validates a unified social credit code (统一社会信用代码). */
export function checkCreditCode(input: string): IdCheck {
  const value = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) {
    return bad(identityRefusals.creditFormat);
  }
  if (usccCheckChar(value) !== value[17]) return bad(identityRefusals.creditCheckDigit);
  return { ok: true, value };
}

/** A mobile number or a landline with its area code. */
export function checkPhone(input: string): IdCheck {
  const value = input.trim().replace(/[\s-]/g, '');
  if (/^1[3-9]\d{9}$/.test(value) || /^0\d{9,11}$/.test(value)) return { ok: true, value };
  return bad(identityRefusals.phone);
}

/** Clerk screens show at most the first 6 and last 4 characters of an ID number. */
export const maskResidentId = (id: string): string => (id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '******');

/** A phone as staff see it before a reveal: the first 3 and last 4 digits (138****5678, 010****4567). */
export const maskPhone = (phone: string): string => (phone.length >= 9 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

/** Public screens show at most the surname and the last character: 张*三, or 张* for two characters. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
