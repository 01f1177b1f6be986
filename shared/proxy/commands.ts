import { z } from 'zod';
import { Applicant } from '../cases/commands';
import { CaseStatus, PauseKind } from '../cases/enums';
import { caseTables } from '../cases/rows';
import { spec } from '../kernel/command';
import { entityId, text } from '../kernel/zod';
import { ItemCode } from '../regiondocs/documents';
import { ProxyRefuseReason, ProxyResult, ProxyReturnReason, ProxyStatus } from './enums';
import { proxyTables } from './rows';

/**
 * 全程代办 across levels. The point's clerk registers a proxy case (`proxy.register`, offline like a
 * case's registration); the region, a terminal of role `region` at every hall, carries it: it asks
 * the point for the requests waiting (`proxy.outgoing`), hands each to the nearest hall up the
 * point's line that takes the item (`proxy.receive`, the same proxy id answering the same case),
 * tells the point where it went (`proxy.routed`), and brings each step taken there back
 * (`proxy.progress`, versioned). The target's staff may send one back before accepting it
 * (`proxy.refuse`).
 */

const at = z.number().int().min(0);
const materials = z.array(text(200)).max(60);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hallName = z.string().min(1).max(100);

/** A request as it travels from the point to the target hall: the applicant whole (only in transit, never stored at the region). */
export const ProxyRequest = z.strictObject({
  proxyId: entityId,
  originHallId: entityId,
  originHallName: hallName,
  /** The point's receipt number, printed on the target's documents beside its own case number. */
  originNumber: z.string().min(1).max(60),
  itemCode: ItemCode,
  applicant: Applicant,
  materials,
  note: z.string().trim().max(500),
  agentName: z.string().trim().min(1).max(50),
  registeredAt: at,
});
export type ProxyRequest = z.infer<typeof ProxyRequest>;

/** A refusal on the way back to the point: its reason code and the words of whoever refused. */
export const ProxyReturn = z.strictObject({ reason: ProxyReturnReason, text: z.string().max(1000) });
export type ProxyReturn = z.infer<typeof ProxyReturn>;

/** Where the region placed a proxy case: the target hall's case, or back with a reason. */
export const ProxyRouting = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('delivered'),
    targetHallId: entityId,
    targetHallName: hallName,
    caseId: entityId,
    caseNumber: z.string().min(1).max(60),
    itemName: z.string().min(1).max(200),
    departmentName: z.string().min(1).max(100),
  }),
  z.strictObject({ kind: z.literal('refused'), refusal: ProxyReturn }),
]);
export type ProxyRouting = z.infer<typeof ProxyRouting>;

/**
 * A step taken at the target, as its case stands: `version` is the target feed's seq of the case
 * row, so a later state always has a higher one and an old one arriving late is refused.
 */
export const ProxyProgress = z.strictObject({
  proxyId: entityId,
  targetHallId: entityId,
  caseId: entityId,
  version: z.number().int().min(1),
  status: CaseStatus,
  paused: PauseKind.nullable(),
  promisedDue: day.nullable(),
  statutoryDue: day.nullable(),
  acceptedAt: at.nullable(),
  concludedAt: at.nullable(),
  result: ProxyResult.nullable(),
  /** A denial's reasons (the region reads them from the target by proxy.decision, in transit only). */
  decisionReason: z.string().max(1000).nullable(),
  /** Set when the target's staff sent it back (proxy.refuse). */
  refusal: ProxyReturn.nullable(),
});
export type ProxyProgress = z.infer<typeof ProxyProgress>;

const proxyResult = z.object({ proxy: proxyTables.proxy_cases.row });

export const proxyCommandSpecs = {
  /**
   * 代办收件 at a point: an item of the point's level's proxy list (the region's catalog as this
   * hall applied it, less the items its administrator refused), for an applicant whose case the
   * clerk carries. Waits in the terminal's outbox like a case's registration when the hub is away.
   */
  'proxy.register': spec({
    payload: z.strictObject({
      proxyId: entityId,
      counterId: entityId,
      at,
      itemCode: ItemCode,
      applicant: Applicant,
      materials: materials.min(1, '请列出收取的申请材料'),
      note: z.string().trim().max(500),
    }),
    result: proxyResult,
    roles: ['clerk'],
    offline: true,
  }),
  /** The region asks the point for every request still waiting to travel, whole. */
  'proxy.outgoing': spec({
    payload: z.strictObject({}),
    result: z.object({ requests: z.array(ProxyRequest).max(200) }),
    roles: ['region'],
    offline: false,
    secretResult: 'requests',
  }),
  /**
   * The region hands the target hall a request: a case in the item's department, received now,
   * with its origin and agent. The same proxy id again answers the same case (`already`), never a
   * second one.
   */
  'proxy.receive': spec({
    payload: ProxyRequest,
    result: z.object({
      caseId: z.string(),
      caseNumber: z.string(),
      itemName: z.string(),
      departmentId: z.string(),
      departmentName: z.string(),
      already: z.boolean(),
    }),
    roles: ['region'],
    offline: false,
  }),
  /**
   * The target hall's decision on a proxy case: approved or denied (null before one), and for a
   * denial its reasons (its decision_reason, which the region's projection of cases leaves out).
   * Read by the region to tell the point, never stored there; the decision itself too when the
   * region saw the case only after it, by a snapshot, where no 'approved' or 'denied' row passed.
   */
  'proxy.decision': spec({
    payload: z.strictObject({ caseId: entityId }),
    result: z.object({ result: ProxyResult.nullable(), reason: z.string().nullable() }),
    roles: ['region'],
    offline: false,
  }),
  /** The region tells the point where its request went, or why it came back; told again, the same answer. */
  'proxy.routed': spec({
    payload: z.strictObject({ proxyId: entityId, routing: ProxyRouting }),
    result: z.object({ status: ProxyStatus, already: z.boolean() }),
    roles: ['region'],
    offline: false,
  }),
  /** The target case's state, brought back to the point; applied only when newer than what it has. */
  'proxy.progress': spec({
    payload: ProxyProgress,
    result: z.object({ status: ProxyStatus, version: z.number().int() }),
    roles: ['region'],
    offline: false,
  }),
  /**
   * The target hall's clerk of the case's department sends a received proxy case back to the point,
   * before it is accepted: a reason from the fixed list and their words. The case ends 不予受理 here.
   */
  'proxy.refuse': spec({
    payload: z.strictObject({ caseId: entityId, counterId: entityId, reason: ProxyRefuseReason, text: text(1000) }),
    result: z.object({ case: caseTables.cases.row }),
    roles: ['clerk'],
    offline: false,
  }),
} as const;
