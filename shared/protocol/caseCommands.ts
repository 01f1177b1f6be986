import { z } from 'zod';
import { parseDay } from '../domain/calendar';
import { checkCreditCode, checkPhone, checkResidentId } from '../domain/identity';
import { CatalogItemInput } from './catalog';
import { entityId, spec, text } from './spec';

/**
 * Case (办件) commands. Case work may be done while the hub is unreachable: those commands carry
 * the moment the clerk did it (`at`), wait in the terminal's outbox and are applied once, later.
 * Steps that need someone's password (an extension's approver) or that reveal data need the hub.
 */

const at = z.number().int().min(0);
const day = z.string().refine((d) => parseDay(d) !== null, '日期格式应为 YYYY-MM-DD');
const materials = z.array(text(200)).max(60);

/** A checked identity field: the domain check's reason becomes the validation message. */
const checked = (check: (v: string) => { ok: true; value: string } | { ok: false; reason: string }) =>
  z
    .string()
    .max(40)
    .transform((v, ctx) => {
      const r = check(v);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.reason });
      return z.NEVER;
    });

export const Applicant = z
  .strictObject({
    type: z.enum(['person', 'enterprise']),
    /** The person, or the enterprise's registered name. */
    name: text(100),
    idNumber: checked(checkResidentId).nullable(),
    creditCode: checked(checkCreditCode).nullable(),
    phone: checked(checkPhone),
  })
  .refine((a) => a.type !== 'person' || a.idNumber !== null, { message: '个人申请须填写身份证号', path: ['idNumber'] })
  .refine((a) => a.type !== 'enterprise' || a.creditCode !== null, { message: '企业申请须填写统一社会信用代码', path: ['creditCode'] });
export type Applicant = z.infer<typeof Applicant>;

const stepBase = { caseId: entityId, counterId: entityId, at };

export const CaseStep = z.discriminatedUnion('action', [
  z.strictObject({ ...stepBase, action: z.enum(['accept', 'undertake', 'review', 'approve', 'conclude', 'deliver']) }),
  /** 不予受理 and 不予批准 must say why (the applicant is told, with the right to review or sue). */
  z.strictObject({ ...stepBase, action: z.enum(['refuse', 'deny']), reason: text(1000) }),
  /** 一次性告知: every missing material at once. */
  z.strictObject({ ...stepBase, action: z.literal('requestSupplement'), missing: materials.min(1, '请列出需要补正的全部材料') }),
  z.strictObject({ ...stepBase, action: z.literal('resubmit'), received: materials.min(1, '请列出补交的材料') }),
]);
export type CaseStep = z.infer<typeof CaseStep>;

export const CaseSettingsSchema = z.strictObject({
  /** Yellow once this share of the promised limit is used (DOMAIN.md default 80%). */
  yellowShare: z.number().min(0.5).max(1),
  /** Printed on notices: where an applicant complains (12345 is the national hotline). */
  complaintPhone: z.string().trim().min(3).max(30),
  /** The hall's own duty days: weekend days on which it works and limits count. */
  dutyDays: z.array(day).max(400),
});
export type CaseSettings = z.infer<typeof CaseSettingsSchema>;
export const defaultCaseSettings: CaseSettings = { yellowShare: 0.8, complaintPhone: '12345', dutyDays: [] };

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
    roles: ['clerk'],
    offline: true,
  }),
  'case.step': spec({ payload: CaseStep, roles: ['clerk'], offline: true }),
  /** 挂起 or 特别程序 (hearing, testing, expert review…): the clock stops; the applicant is told the expected length. */
  'case.pause': spec({
    payload: z.strictObject({
      ...stepBase,
      kind: z.enum(['suspend', 'special']),
      reason: text(500),
      expectedDays: z.number().int().min(1).max(365).nullable(),
    }),
    roles: ['clerk'],
    offline: true,
  }),
  'case.resume': spec({ payload: z.strictObject(stepBase), roles: ['clerk'], offline: true }),
  /** One department's opinion on its part of a joint case. */
  'case.decidePart': spec({
    payload: z.strictObject({ ...stepBase, partId: entityId, outcome: z.enum(['approved', 'denied']), note: z.string().trim().max(500) }),
    roles: ['clerk'],
    offline: true,
  }),
  /** +N working days with a reason, approved on the spot by a manager's password (art. 42). */
  'case.extend': spec({
    payload: z.strictObject({
      caseId: entityId,
      counterId: entityId,
      days: z.number().int().min(1).max(15),
      reason: text(500),
      approver: z.strictObject({ login: text(64), password: z.string().min(1).max(256) }),
    }),
    roles: ['clerk'],
    offline: false,
  }),
  /** Shows the applicant's whole ID number once; every reveal is in the audit log. */
  'case.revealId': spec({
    payload: z.strictObject({ caseId: entityId, counterId: entityId.nullable() }),
    roles: ['clerk', 'manager'],
    offline: false,
    secretResult: 'idNumber',
  }),
  /** Imports a catalog sheet (rows of cells): all rows or none; the answer lists every problem. */
  'catalog.import': spec({
    payload: z.strictObject({
      fileName: z.string().max(200),
      rows: z
        .array(z.array(z.string().max(4000)).max(40))
        .min(1)
        .max(5000),
    }),
    roles: ['manager'],
    offline: false,
    maxBytes: 1024 * 1024,
  }),
  'catalog.save': spec({
    payload: z.strictObject({ itemId: entityId, item: CatalogItemInput }),
    roles: ['manager'],
    offline: false,
    maxBytes: 64 * 1024,
  }),
  /** A year's official schedule (published each autumn), entered by the administrator. */
  'calendar.setYear': spec({
    payload: z
      .strictObject({ year: z.number().int().min(2000).max(2100), holidays: z.array(day).min(1).max(60), workdays: z.array(day).max(30) })
      .refine((p) => [...p.holidays, ...p.workdays].every((d) => d.startsWith(`${p.year}-`)), '所有日期都应在该年份内')
      .refine((p) => !p.holidays.some((d) => p.workdays.includes(d)), '同一天不能既是假日又是调休上班日'),
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
  'hall.setCaseSettings': spec({ payload: CaseSettingsSchema.partial(), roles: ['manager'], offline: false }),
} as const;
