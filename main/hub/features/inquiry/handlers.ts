import { commonRefusals } from '../../../../shared/kernel/commonRefusals';
import { refuse } from '../../../../shared/kernel/refusal';
import { inquiryRefusals } from '../../../../shared/inquiry/refusals';
import { type inquiryCommandSpecs } from '../../../../shared/inquiry/commands';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { notFound, ownCounter, type FeatureHandlers, type HandlerContext } from '../../commands/context';

function ownInquiry(ctx: HandlerContext<CommandType>, inquiryId: string): Row<'inquiries'> {
  const inquiry = ctx.store.get('inquiries', inquiryId);
  if (!inquiry) throw notFound('inquiry');
  return inquiry;
}

/** The staff member signed in at the caller's counter: who owns what this terminal records. */
function signedInStaff(ctx: HandlerContext<CommandType>, counterId: string | null): string {
  const id = counterId ?? ctx.caller.counterId;
  const counter = id ? ownCounter(ctx, id) : undefined;
  if (!counter?.staff_id) throw refuse(commonRefusals.signInFirst);
  return counter.staff_id;
}

export const inquiryHandlers = {
  'inquiry.record': (ctx) => {
    const { inquiryId, counterId, topic, detail } = ctx.payload;
    if (ctx.store.get('inquiries', inquiryId)) throw refuse(inquiryRefusals.duplicateId);
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
    if (inquiry.status !== 'open') throw refuse(inquiryRefusals.resolved);
    const staffId = signedInStaff(ctx, inquiry.counter_id);
    if (staffId !== inquiry.staff_id) throw refuse(inquiryRefusals.notFirstAsked);
    return {
      inquiry: ctx.store.patch('inquiries', inquiry.id, { status: 'resolved', resolution: ctx.payload.resolution, resolved_at: ctx.now }),
    };
  },
} satisfies FeatureHandlers<typeof inquiryCommandSpecs>;
