import { z } from 'zod';
import { ErrorCode } from '../kernel/errors';
import { defineRefusals, type Refusal } from '../kernel/refusal';

/**
 * Passwords chosen by people. Sign-in locks after a few wrong guesses, so what remains to stop is
 * the guess that works first time: the passwords everyone tries, keyboard and counting runs, one
 * character repeated, and the person's own login.
 */
const COMMON = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '99999999',
  '12341234',
  '11223344',
  '12121212',
  '123123123',
  '147258369',
  '1qaz2wsx',
  '1q2w3e4r',
  'qwertyui',
  'qwerty123',
  'asdfghjk',
  'zxcvbnm1',
  'password',
  'password1',
  'passw0rd',
  'p@ssw0rd',
  'abc12345',
  'abcd1234',
  'a1234567',
  'admin123',
  'admin1234',
  'administrator',
  'iloveyou',
  'woaini1314',
  '5201314520',
  'welcome1',
  'letmein1',
  'changeme',
  'servicehall',
  'demo1234',
]);

/** A run of 8 or more characters each one step above or below the last (23456789, hgfedcba). */
function isRun(p: string): boolean {
  const codes = [...p].map((c) => c.charCodeAt(0));
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/** Why staff records and new passwords are refused, for every face to word. */
export const staffRefusals = defineRefusals('staff', {
  passwordShort: { code: ErrorCode.VALIDATION_FAILED, zh: '密码至少 8 位' },
  passwordCommon: { code: ErrorCode.VALIDATION_FAILED, zh: '密码过于常见，请换一个不易猜到的密码' },
  passwordFewChars: { code: ErrorCode.VALIDATION_FAILED, zh: '密码至少含 4 个不同的字符' },
  passwordHasLogin: { code: ErrorCode.VALIDATION_FAILED, zh: '密码不能包含工号' },
  duplicateId: { code: ErrorCode.VALIDATION_FAILED, zh: '人员编号已存在' },
  loginTaken: { code: ErrorCode.VALIDATION_FAILED, zh: '工号 {login} 已被使用' },
});

/** Why a new password is refused, or null when it may be used. */
export function passwordRefusal(password: string, login?: string): Refusal | null {
  const p = password.toLowerCase();
  const r = staffRefusals;
  if (password.length < 8) return r.passwordShort;
  if (COMMON.has(p) || isRun(p)) return r.passwordCommon;
  if (new Set(p).size < 4) return r.passwordFewChars;
  if (login && login.length >= 3 && p.includes(login.toLowerCase())) return r.passwordHasLogin;
  return null;
}

/** The same, in Chinese words (the command line says them). */
export const passwordProblem = (password: string, login?: string): string | null => passwordRefusal(password, login)?.zh ?? null;

/** A new password as a field: the same rules, the reason as the validation message. */
export const NewPassword = z
  .string()
  .max(128)
  .superRefine((p, ctx) => {
    const problem = passwordRefusal(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.zh, params: { refusal: problem.reason } });
  });
