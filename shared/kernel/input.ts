import { ErrorCode, type HallError, type ReasonParams } from './errors';
import { defineRefusals, refusalMessage, type Refusal } from './refusal';

/**
 * Input that does not match a command's schema, said as a person would say it: "请填写申请人姓名",
 * "Enter the applicant's name" — never zod's "Too small: expected string to have >=1 characters".
 * The field is named by its payload path (array positions left out); faces label it `field.<path>`.
 */

/** The fields people type into, by payload path, in Chinese (the faces' `field.*` labels in zh-CN). */
export const FIELD_LABELS = {
  'applicant.name': '申请人姓名',
  'applicant.idNumber': '身份证号',
  'applicant.creditCode': '统一社会信用代码',
  'applicant.phone': '联系电话',
  agentName: '代办人',
  itemId: '办理事项',
  'parts.departmentId': '联审部门',
  'parts.limitDays': '联审时限',
  number: '号码',
  reason: '原因',
  resolution: '答复',
  question: '咨询内容',
  missing: '需补正的材料',
  received: '补交的材料',
  expectedDays: '预计天数',
  days: '延期天数',
  feeCents: '收费金额',
  minutes: '分钟数',
  login: '工号',
  password: '密码',
  name: '名称',
  text: '查询内容',
  idNumber: '身份证号',
  day: '日期',
} as const satisfies Record<string, string>;
export type FieldPath = keyof typeof FIELD_LABELS;

const field = { prefix: 'field', zh: FIELD_LABELS };

export const inputRefusals = defineRefusals('input', {
  required: { code: ErrorCode.VALIDATION_FAILED, zh: '请填写{field}', labels: { field } },
  tooLong: { code: ErrorCode.VALIDATION_FAILED, zh: '{field}不能超过 {max} 个字', labels: { field } },
  outOfRange: { code: ErrorCode.VALIDATION_FAILED, zh: '{field}超出允许的范围', labels: { field } },
  format: { code: ErrorCode.VALIDATION_FAILED, zh: '{field}填写有误，请检查', labels: { field } },
});

/** What a zod issue says, as far as a face needs it (zod's own types vary by issue code). */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  params?: Record<string, unknown>;
}

/**
 * The first problem of a failed parse as a refusal's reason. A custom check names its own refusal
 * with `params: { refusal }` (an identity number's check digit); the rest are told by kind.
 */
export function inputProblem(issues: readonly Issue[], refusals: ReadonlyMap<string, Refusal>): Pick<HallError, 'reason' | 'params'> {
  const issue = issues[0];
  if (!issue) return {};
  const path = issue.path.filter((p) => typeof p === 'string').join('.');
  // A rule worded once (kernel/sheetProblem ruleRefusals) is its schema's message: found by it.
  const named =
    typeof issue.params?.refusal === 'string'
      ? refusals.get(issue.params.refusal)
      : [...refusals.values()].find((r) => r.reason.startsWith('rule.') && r.zh === issue.message);
  const params: ReasonParams = { field: path };
  if (named) return { reason: named.reason, params };
  const r = inputRefusals;
  const reason =
    issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1
      ? r.required
      : issue.params?.required === true
        ? r.required
        : issue.code === 'too_small' && issue.origin === 'array'
          ? r.required
          : issue.code === 'too_big' && issue.origin === 'string'
            ? r.tooLong
            : issue.code === 'too_small' || issue.code === 'too_big'
              ? r.outOfRange
              : r.format;
  return { reason: reason.reason, params: reason === r.tooLong ? { ...params, max: Number(issue.maximum) } : params };
}

/** The Chinese words of an input problem, for the refusal's message. */
export function inputMessage(problem: Pick<HallError, 'reason' | 'params'>, refusals: ReadonlyMap<string, Refusal>): string | null {
  const r = problem.reason ? refusals.get(problem.reason) : undefined;
  return r ? refusalMessage(r, problem.params) : null;
}
