import { randomUUID } from 'node:crypto';
import { counterTransition, type CounterAction } from '../../../../shared/counter/rules';
import { CommandError, ErrorCode } from '../../../../shared/kernel/errors';
import { parseSecuritySettings } from '../../../../shared/staff/settings';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { checkStaffPassword, loadCounter, notFound, ownCounter, type HandlerContext, type Handlers } from '../../commands/context';
import { heldNumber } from '../queue/handlers';

function applyCounterAction(ctx: HandlerContext<CommandType>, counter: Row<'counters'>, action: CounterAction, reason: string | null) {
  const change = counterTransition(counter, action);
  const staffId = change.staff_id ?? counter.staff_id;
  const updated = ctx.store.patch('counters', counter.id, { ...change, state_since: ctx.now, last_seen_at: ctx.now });
  const event = ({ signIn: 'sign_in', pause: 'pause', resume: 'resume', signOut: 'sign_out' } as const)[action.kind];
  ctx.store.upsert('counter_log', {
    id: randomUUID(),
    hall_id: ctx.hallId,
    counter_id: counter.id,
    staff_id: staffId,
    event,
    reason,
    at: ctx.now,
  });
  return { counter: updated };
}

function ownInquiry(ctx: HandlerContext<CommandType>, inquiryId: string): Row<'inquiries'> {
  const inquiry = ctx.store.get('inquiries', inquiryId);
  if (!inquiry) throw notFound('咨询记录');
  return inquiry;
}

/** The staff member signed in at the caller's counter: who owns what this terminal records. */
function signedInStaff(ctx: HandlerContext<CommandType>, counterId: string | null): string {
  const id = counterId ?? ctx.caller.counterId;
  const counter = id ? ownCounter(ctx, id) : undefined;
  if (!counter?.staff_id) throw new CommandError(ErrorCode.COUNTER_STATE, '请先签到窗口');
  return counter.staff_id;
}

export const counterHandlers = {
  'counter.signIn': (ctx) => {
    const { login, password, counterId } = ctx.payload;
    const counter = loadCounter(ctx, counterId);
    const staff = { id: checkStaffPassword(ctx, login, password, '签到失败') };
    const elsewhere = ctx.store.db.prepare('SELECT number FROM counters WHERE staff_id = ? AND id <> ?').get(staff.id, counter.id) as
      { number: number } | undefined;
    return applyCounterAction(
      ctx,
      counter,
      { kind: 'signIn', staffId: staff.id, terminalId: ctx.caller.terminalId, staffCounterNumber: elsewhere?.number ?? null },
      null,
    );
  },
  'counter.pause': (ctx) =>
    applyCounterAction(ctx, ownCounter(ctx, ctx.payload.counterId), { kind: 'pause', reason: ctx.payload.reason }, ctx.payload.reason),
  'counter.resume': (ctx) => applyCounterAction(ctx, ownCounter(ctx, ctx.payload.counterId), { kind: 'resume' }, null),
  'counter.signOut': (ctx) => {
    const holding = heldNumber(ctx, ctx.payload.counterId);
    if (holding) throw new CommandError(ErrorCode.COUNTER_BUSY, `请先处理当前的 ${holding} 号再签退`);
    return applyCounterAction(ctx, ownCounter(ctx, ctx.payload.counterId), { kind: 'signOut' }, null);
  },
  'counter.heartbeat': (ctx) => {
    const counter = ownCounter(ctx, ctx.payload.counterId);
    if (counter.state === 'closed') throw new CommandError(ErrorCode.COUNTER_STATE, '窗口未签到');
    ctx.store.patch('counters', counter.id, { last_seen_at: ctx.now });
    return {};
  },
  'inquiry.record': (ctx) => {
    const { inquiryId, counterId, topic, detail } = ctx.payload;
    if (ctx.store.get('inquiries', inquiryId)) throw new CommandError(ErrorCode.INQUIRY_STATE, '咨询记录编号已存在');
    const staffId = signedInStaff(ctx, counterId);
    const inquiry = ctx.store.upsert('inquiries', {
      id: inquiryId,
      hall_id: ctx.hallId,
      counter_id: counterId ?? ctx.caller.counterId,
      staff_id: staffId,
      topic,
      detail,
      status: 'open',
      resolution: null,
      created_at: ctx.now,
      resolved_at: null,
    });
    return { inquiry };
  },
  'inquiry.resolve': (ctx) => {
    const inquiry = ownInquiry(ctx, ctx.payload.inquiryId);
    if (inquiry.status !== 'open') throw new CommandError(ErrorCode.INQUIRY_STATE, '该咨询已办结');
    const staffId = signedInStaff(ctx, inquiry.counter_id);
    if (staffId !== inquiry.staff_id) throw new CommandError(ErrorCode.FORBIDDEN, '首问负责：只有首问人员可以办结此咨询');
    return {
      inquiry: ctx.store.patch('inquiries', inquiry.id, { status: 'resolved', resolution: ctx.payload.resolution, resolved_at: ctx.now }),
    };
  },
  'hall.setSecuritySettings': (ctx) => {
    const merged = { ...parseSecuritySettings(ctx.store.get('halls', ctx.hallId)!.security_settings), ...ctx.payload };
    return { hall: ctx.store.patch('halls', ctx.hallId, { security_settings: JSON.stringify(merged) }) };
  },
  'audit.verify': (ctx) => ({ report: ctx.verifyAudit() }),
  'hall.setNotice': (ctx) => ({ hall: ctx.store.patch('halls', ctx.hallId, { notice: ctx.payload.text }) }),
} satisfies Partial<Handlers>;
