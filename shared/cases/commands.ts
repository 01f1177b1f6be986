import { z } from 'zod';
import { hallResult } from '../hall/commands';
import { checkCreditCode, checkPhone, checkResidentId, type IdCheck } from '../identity/rules';
import { spec } from '../kernel/command';
import { entityId, password, text } from '../kernel/zod';
import { ApplicantType, CaseDuty } from './enums';
import { CaseListRow } from './queries';
import { caseTables } from './rows';
import { hallTables } from '../hall/rows';
import { CaseSettingsSchema } from './settings';

/**
 * Case (办件) commands. Case work may be done while the hub is unreachable: those commands carry
 * the moment the clerk did it (`at`), wait in the terminal's outbox and are applied once, later.
 * Steps that need someone's password (an extension's approver) or that reveal data need the hub.
 */

const at = z.number().int().min(0);
const materials = z.array(text(200)).max(60);
const expectedDays = z.number().int().min(1).max(365);

/** A checked identity field: the domain check's refusal becomes the validation problem (complaints check their contact with it too). */
export const checked = (check: (v: string) => IdCheck) =>
  z
    .string()
    .max(40)
    .transform((v, ctx) => {
      const r = check(v);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.reason, params: { refusal: r.refusal.reason } });
      return z.NEVER;
    });

export const Applicant = z
  .strictObject({
    type: ApplicantType,
    /** The person, or the enterprise's registered name. */
    name: text(100),
    idNumber: checked(checkResidentId).nullable(),
    creditCode: checked(checkCreditCode).nullable(),
    phone: checked(checkPhone),
  })
  .refine((a) => a.type !== 'person' || a.idNumber !== null, {
    message: '个人申请须填写身份证号',
    path: ['idNumber'],
    params: { required: true },
  })
  .refine((a) => a.type !== 'enterprise' || a.creditCode !== null, {
    message: '企业申请须填写统一社会信用代码',
    path: ['creditCode'],
    params: { required: true },
  });
export type Applicant = z.infer<typeof Applicant>;

const stepBase = { caseId: entityId, counterId: entityId, at };

export const CaseStep = z.discriminatedUnion('action', [
  z.strictObject({ ...stepBase, action: z.enum(['accept', 'undertake', 'review', 'approve', 'deliver']) }),
  /** 办结: the fee charged is recorded, and compared with the catalog's standard by supervision. */
  z.strictObject({ ...stepBase, action: z.literal('conclude'), feeCents: z.number().int().min(0).max(100_000_000) }),
  /** 不予受理 and 不予批准 must say why (the applicant is told, with the right to review or sue). */
  z.strictObject({ ...stepBase, action: z.enum(['refuse', 'deny']), reason: text(1000) }),
  /** 一次性告知: every missing material at once. */
  z.strictObject({ ...stepBase, action: z.literal('requestSupplement'), missing: materials.min(1, '请列出需要补正的全部材料') }),
  z.strictObject({ ...stepBase, action: z.literal('resubmit'), received: materials.min(1, '请列出补交的材料') }),
]);
export type CaseStep = z.infer<typeof CaseStep>;

const caseResult = z.object({ case: caseTables.cases.row });

export const caseCommandSpecs = {
  /** 收件: registers a case, from the clerk's current ticket or without one (a 全程代办 agent's case). */
  'case.register': spec({
    payload: z.strictObject({
      caseId: entityId,
      counterId: entityId,
      at,
      ticketId: entityId.nullable(),
      itemId: entityId,
      applicant: Applicant,
      agentName: z.string().trim().max(50).nullable(),
      green: z.boolean(),
      materialsReceived: materials,
      /** 联审联批: the other departments' parts, each with its own limit in working days. */
      parts: z.array(z.strictObject({ departmentId: entityId, limitDays: z.number().int().min(0).max(720) })).max(12),
    }),
    result: caseResult,
    roles: ['clerk'],
    offline: true,
  }),
  'case.step': spec({ payload: CaseStep, result: caseResult, roles: ['clerk'], offline: true }),
  /**
   * 挂起 or 特别程序 (hearing, testing, expert review…): the clock stops. A special procedure's
   * length is told to the applicant in writing (art. 45), so it must be given.
   */
  'case.pause': spec({
    payload: z.discriminatedUnion('kind', [
      z.strictObject({ ...stepBase, kind: z.literal('suspend'), reason: text(500), expectedDays: expectedDays.nullable() }),
      z.strictObject({
        ...stepBase,
        kind: z.literal('special'),
        reason: text(500),
        expectedDays: z.number({ error: '特别程序须写明所需时间（天数），书面告知申请人' }).pipe(expectedDays),
      }),
    ]),
    result: caseResult,
    roles: ['clerk'],
    offline: true,
  }),
  'case.resume': spec({
    payload: z.strictObject(stepBase),
    /** The working days the pause lasted: the applicant is told. */
    result: z.object({ case: caseTables.cases.row, pausedDays: z.number().int().nonnegative() }),
    roles: ['clerk'],
    offline: true,
  }),
  /**
   * One department's opinion on its part of a joint case: by a member of that department signed in
   * at their counter, or at the manager board (counterId null) by the manager or administrator
   * signed in there, acting for it.
   */
  'case.decidePart': spec({
    payload: z.strictObject({
      ...stepBase,
      counterId: entityId.nullable(),
      partId: entityId,
      outcome: z.enum(['approved', 'denied']),
      note: z.string().trim().max(500),
    }),
    result: z.object({ part: caseTables.case_parts.row }),
    roles: ['clerk', 'manager'],
    offline: true,
  }),
  /** +N working days with a reason, approved on the spot by a manager's password (art. 42). */
  'case.extend': spec({
    payload: z.strictObject({
      caseId: entityId,
      counterId: entityId,
      days: z.number().int().min(1).max(15),
      reason: text(500),
      approver: z.strictObject({ login: text(64), password }),
    }),
    result: caseResult,
    roles: ['clerk'],
    offline: false,
  }),
  /**
   * The caller's cases (as cases.search scopes them) of the person with this whole ID number. A
   * case found tells its applicant's whole number, so a search that finds one is a reveal: audited
   * and counted in the day's limit with case.revealId. The rows carry no ID number.
   */
  'case.findByIdNumber': spec({
    payload: z.strictObject({
      idNumber: checked(checkResidentId),
      scope: z.enum(['mine', 'department', 'all']),
      counterId: entityId.nullable(),
    }),
    result: z.object({ rows: z.array(CaseListRow) }),
    roles: ['clerk', 'manager'],
    offline: false,
  }),
  /** Shows the applicant's whole ID number once; every reveal is in the audit log. */
  'case.revealId': spec({
    payload: z.strictObject({ caseId: entityId, counterId: entityId.nullable() }),
    result: z.object({ idNumber: z.string() }),
    roles: ['clerk', 'manager'],
    offline: false,
    secretResult: 'idNumber',
  }),
  /** The case duties (审核, 批准) a member of staff holds in their department, replacing those they held. */
  'staff.setDuties': spec({
    payload: z.strictObject({
      staffId: entityId,
      duties: z
        .array(CaseDuty)
        .max(2)
        .refine((d) => new Set(d).size === d.length, '职责不能重复'),
    }),
    result: z.object({ staffId: z.string(), duties: z.array(CaseDuty) }),
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
  /** A department's head (负责人), one of its members; null: none. */
  'department.setHead': spec({
    payload: z.strictObject({ departmentId: entityId, staffId: entityId.nullable() }),
    result: z.object({ department: hallTables.departments.row }),
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
  /** Changing the yellow share or the duty days recomputes every running case's due days. */
  'hall.setCaseSettings': spec({
    payload: CaseSettingsSchema.partial(),
    result: hallResult.extend({ recomputed: z.number().int().nonnegative() }),
    roles: ['manager'],
    offline: false,
  }),
} as const;
