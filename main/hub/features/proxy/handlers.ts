import { randomUUID } from 'node:crypto';
import { maskResidentId } from '../../../../shared/identity/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import type { CommandType, Row } from '../../../../shared/protocol';
import type { ProxyRequest, ProxyRouting, proxyCommandSpecs } from '../../../../shared/proxy/commands';
import { proxyRefusals as R } from '../../../../shared/proxy/refusals';
import { SEND_BACK_STATUSES } from '../../../../shared/proxy/enums';
import { PROXY_CATALOG_KEY, regionDocId } from '../../../../shared/regiondocs/documents';
import { takenProxyItems } from '../../../../shared/regiondocs/rules';
import { sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { dayOf } from '../cases/deadlines';
import { record, stepBy } from '../cases/handlers';
import { checkApplicantId, insertCase, nextNumber } from '../cases/newCase';

/**
 * 全程代办 across levels, at both ends. At the point: the proxy case registered, handed to the region
 * whole while it waits (`outbox`), then told where it went and how its case there stands. At the
 * target: the request received as a case of the item's department, with its origin; sent back by
 * its staff before acceptance. Every command here is audited by the executor (the region's ones
 * name the region terminal), so both ends keep the travel.
 */

type Ctx = HandlerContext<CommandType>;

function loadProxy(ctx: Ctx, proxyId: string): Row<'proxy_cases'> {
  const row = ctx.store.get('proxy_cases', proxyId);
  if (!row) throw refuse(R.unknown);
  return row;
}

/** The items this hall's points may take in: its level's list in the region's catalog, less those its administrator refused. */
function proxyList(ctx: Ctx): string[] {
  const doc = ctx.store.get('region_documents', regionDocId(ctx.hallId, 'proxy_catalog', PROXY_CATALOG_KEY));
  if (!doc) throw refuse(R.noCatalog);
  return takenProxyItems(
    doc,
    ctx.store.where('region_overrides', "hall_id = ? AND type = 'refuse_item' AND revoked_at IS NULL", ctx.hallId),
  );
}

/**
 * Who takes in a proxy case at the target hall (the case's first clerk, as the clerk who received
 * it at a window would be): the department's head, or else its first member still at work.
 */
function receiverOf(ctx: Ctx, departmentId: string): string {
  const department = ctx.store.get('departments', departmentId)!;
  const head = department.head_staff_id ? ctx.store.get('staff', department.head_staff_id) : undefined;
  if (head && head.disabled_at === null) return head.id;
  const member = ctx.store.where('staff', 'department_id = ? AND disabled_at IS NULL ORDER BY id LIMIT 1', departmentId)[0];
  if (!member) throw refuse(R.noReceiver, { department: department.name });
  return member.id;
}

/** What the region is told of the case a request became (the same whenever it is sent again). */
const caseAnswer = (ctx: Ctx, c: Row<'cases'>, item: Row<'catalog_items'>) => ({
  caseId: c.id,
  caseNumber: c.number,
  itemName: item.name,
  departmentId: c.department_id,
  departmentName: ctx.store.get('departments', c.department_id)!.name,
});

/** Whether `routing` is what the proxy case already records: the same news told again. */
function sameRouting(row: Row<'proxy_cases'>, routing: ProxyRouting): boolean {
  if (routing.kind === 'delivered')
    return row.status !== 'outbox' && row.target_hall_id === routing.targetHallId && row.target_case_id === routing.caseId;
  return row.status === 'refused' && row.target_case_id === null && row.refusal_reason === routing.refusal.reason;
}

export const proxyHandlers = {
  'proxy.register': (ctx) => {
    const p = ctx.payload;
    if (ctx.store.get('proxy_cases', p.proxyId)) throw refuse(R.duplicateId);
    const { staffId, at } = stepBy(ctx, p.counterId, p.at, undefined, null);
    if (!proxyList(ctx).includes(p.itemCode)) throw refuse(R.itemNotListed, { code: p.itemCode });
    checkApplicantId(ctx, p.applicant);
    const numbering = nextNumber(ctx, 'proxy_cases', dayOf(ctx, at), 'P');
    const known = ctx.store.where('catalog_items', 'code = ? AND active = 1', p.itemCode)[0];
    const { applicant } = p;
    const proxy = ctx.store.upsert(
      'proxy_cases',
      {
        id: p.proxyId,
        hall_id: ctx.hallId,
        number: numbering.number,
        item_code: p.itemCode,
        item_name: known?.name ?? null,
        applicant_type: applicant.type,
        applicant_name: applicant.name,
        id_masked: applicant.idNumber === null ? null : maskResidentId(applicant.idNumber),
        credit_code: applicant.creditCode,
        phone: applicant.phone,
        materials: JSON.stringify(p.materials),
        note: p.note,
        agent_id: staffId,
        agent_name: ctx.store.get('staff', staffId)!.name,
        counter_id: p.counterId,
        status: 'outbox',
        registered_at: at,
        target_hall_id: null,
        target_hall_name: null,
        target_case_id: null,
        target_case_number: null,
        target_department_name: null,
        delivered_at: null,
        target_status: null,
        target_paused: null,
        promised_due: null,
        statutory_due: null,
        accepted_at: null,
        concluded_at: null,
        result: null,
        decision_reason: null,
        progress_version: 0,
        refusal_reason: null,
        refusal_text: null,
        refused_at: null,
        updated_at: at,
      },
      { id_number: applicant.idNumber, number_day: numbering.number_day, number_seq: numbering.number_seq },
    );
    return { proxy };
  },

  /** Oldest first; the answer is secret (whole ID numbers): the executor keeps no copy for replays. */
  'proxy.outgoing': (ctx) => {
    const hall = ctx.store.get('halls', ctx.hallId)!;
    // Whole rows, with the hub-only whole ID number beside the replicated columns: one read.
    const rows = sql(
      ctx,
      "SELECT * FROM proxy_cases WHERE status = 'outbox' ORDER BY registered_at, id LIMIT 200",
    ).all() as (Row<'proxy_cases'> & {
      id_number: string | null;
    })[];
    const requests = rows.map(({ id_number, ...r }): ProxyRequest => {
      return {
        proxyId: r.id,
        originHallId: ctx.hallId,
        originHallName: hall.name,
        originNumber: r.number,
        itemCode: r.item_code,
        applicant: { type: r.applicant_type, name: r.applicant_name, idNumber: id_number, creditCode: r.credit_code, phone: r.phone },
        materials: JSON.parse(r.materials) as string[],
        note: r.note,
        agentName: r.agent_name,
        registeredAt: r.registered_at,
      };
    });
    return { requests };
  },

  'proxy.receive': (ctx) => {
    const p = ctx.payload;
    const have = ctx.store.where('cases', 'proxy_id = ?', p.proxyId)[0];
    if (have) {
      // The same request again (an answer lost on the way, the region restarted): the same case.
      if (have.origin_hall_id !== p.originHallId) throw refuse(R.otherOrigin);
      const item = ctx.store.get('catalog_items', have.item_id)!;
      return { ...caseAnswer(ctx, have, item), already: true };
    }
    const item = ctx.store.where('catalog_items', 'code = ? AND active = 1', p.itemCode)[0];
    if (!item) throw refuse(R.itemNotHere, { code: p.itemCode });
    checkApplicantId(ctx, p.applicant);
    const receiver = receiverOf(ctx, item.department_id);
    const created = insertCase(ctx, {
      caseId: randomUUID(),
      item,
      ticketId: null,
      counterId: null,
      applicant: p.applicant,
      agentName: p.agentName,
      firstClerkId: receiver,
      green: false,
      materials: p.materials,
      joint: false,
      at: ctx.now,
      origin: { hallId: p.originHallId, hallName: p.originHallName, proxyId: p.proxyId },
    });
    record(ctx, created.id, 'register', receiver, ctx.now, {
      materials: p.materials,
      parts: 0,
      proxy: { originHallId: p.originHallId, originHallName: p.originHallName, originNumber: p.originNumber, note: p.note },
    });
    return { ...caseAnswer(ctx, created, item), already: false };
  },

  'proxy.routed': (ctx) => {
    const { proxyId, routing } = ctx.payload;
    const row = loadProxy(ctx, proxyId);
    if (row.status !== 'outbox') {
      if (sameRouting(row, routing)) return { status: row.status, already: true };
      throw refuse(R.notTravelling);
    }
    const patch: Partial<Row<'proxy_cases'>> =
      routing.kind === 'delivered'
        ? {
            status: 'delivered',
            target_hall_id: routing.targetHallId,
            target_hall_name: routing.targetHallName,
            target_case_id: routing.caseId,
            target_case_number: routing.caseNumber,
            target_department_name: routing.departmentName,
            item_name: routing.itemName,
            delivered_at: ctx.now,
            target_status: 'received',
          }
        : { status: 'refused', refusal_reason: routing.refusal.reason, refusal_text: routing.refusal.text, refused_at: ctx.now };
    const updated = ctx.store.patch('proxy_cases', row.id, { ...patch, updated_at: ctx.now });
    return { status: updated.status, already: false };
  },

  'proxy.progress': (ctx) => {
    const p = ctx.payload;
    const row = loadProxy(ctx, p.proxyId);
    if (row.target_case_id === null) throw refuse(R.notDelivered);
    if (row.target_case_id !== p.caseId || row.target_hall_id !== p.targetHallId) throw refuse(R.otherCase);
    if (p.version <= row.progress_version) throw refuse(R.staleProgress, { have: row.progress_version, given: p.version });
    const updated = ctx.store.patch('proxy_cases', row.id, {
      target_status: p.status,
      target_paused: p.paused,
      promised_due: p.promisedDue,
      statutory_due: p.statutoryDue,
      accepted_at: p.acceptedAt,
      concluded_at: p.concludedAt,
      // A decision, once told, stays told: a later state (办结, 送达) need not say it again.
      result: p.result ?? row.result,
      decision_reason: p.decisionReason ?? row.decision_reason,
      progress_version: p.version,
      ...(p.refusal && row.status !== 'refused'
        ? { status: 'refused' as const, refusal_reason: p.refusal.reason, refusal_text: p.refusal.text, refused_at: ctx.now }
        : {}),
      updated_at: ctx.now,
    });
    return { status: updated.status, version: updated.progress_version };
  },

  /**
   * The case's decision, from its approve or deny step, and only a denial's reasons: a case sent back
   * tells its own (proxy_refusal_text), a 不予受理's stay here.
   */
  'proxy.decision': (ctx) => {
    const c = ctx.store.get('cases', ctx.payload.caseId);
    if (!c) throw refuse(R.unknown);
    if (c.proxy_id === null) throw refuse(R.notProxy);
    const step = sql(
      ctx,
      "SELECT action FROM case_events WHERE case_id = ? AND action IN ('approve', 'deny') ORDER BY at DESC, id DESC LIMIT 1",
    )
      .pluck()
      .get(c.id) as 'approve' | 'deny' | undefined;
    const result = step === 'approve' ? 'approved' : step === 'deny' ? 'denied' : null;
    return { result, reason: result === 'denied' ? c.decision_reason : null };
  },

  'proxy.refuse': (ctx) => {
    const p = ctx.payload;
    const c = ctx.store.get('cases', p.caseId);
    if (!c) throw refuse(R.unknown);
    if (c.proxy_id === null) throw refuse(R.notProxy);
    if (!SEND_BACK_STATUSES.includes(c.status)) throw refuse(R.refuseFromStatus);
    const { staffId } = stepBy(ctx, p.counterId, null, c, c.department_id);
    const updated = ctx.store.patch('cases', c.id, {
      status: 'refused',
      decision_reason: p.text,
      proxy_refusal: p.reason,
      proxy_refusal_text: p.text,
      updated_at: ctx.now,
    });
    record(ctx, c.id, 'refuse', staffId, ctx.now, { reason: p.text, proxyReason: p.reason });
    return { case: updated };
  },
} satisfies FeatureHandlers<typeof proxyCommandSpecs>;
