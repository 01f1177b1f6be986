import { randomUUID } from 'node:crypto';
import { type archiveCommandSpecs } from '../../../../shared/archive/commands';
import { SCORED_KINDS } from '../../../../shared/archive/enums';
import { archiveRefusals as R } from '../../../../shared/archive/refusals';
import { monthDays } from '../../../../shared/archive/rules';
import { commonRefusals } from '../../../../shared/kernel/commonRefusals';
import { refuse } from '../../../../shared/kernel/refusal';
import type { CommandType, Row } from '../../../../shared/protocol';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { notFound, sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { dayOf } from '../cases/deadlines';
import { currentRules, entriesOf, monthWindow, scoreFacts, scoreOf } from './facts';

type Ctx = HandlerContext<CommandType>;

/** Who acts: the person signed in at the board, or the clerk signed in at this counter from this very terminal. */
function actor(ctx: Ctx): string {
  if (ctx.sessionStaff) return ctx.sessionStaff.id;
  const counter = ctx.caller.counterId === null ? undefined : ctx.store.get('counters', ctx.caller.counterId);
  if (!counter?.staff_id || counter.terminal_id !== ctx.caller.terminalId) throw refuse(commonRefusals.signInFirst);
  return counter.staff_id;
}

function loadEntry(ctx: Ctx, id: string): Row<'archive_entries'> {
  const e = ctx.store.get('archive_entries', id);
  if (!e) throw notFound('archiveEntry');
  return e;
}

export const archiveHandlers = {
  'archive.addEntry': (ctx) => {
    const { staffId, kind, day, item, times, note } = ctx.payload;
    const by = actor(ctx);
    if (!ctx.store.get('staff', staffId)) throw notFound('staff');
    if (staffId === by) throw refuse(R.selfEntry);
    if (day > dayOf(ctx, ctx.now)) throw refuse(R.futureDay);
    if (item !== null) {
      if (!SCORED_KINDS.includes(kind)) throw refuse(R.itemNotScored);
      if (!currentRules(ctx.store.db, ctx.hallId).rules.items.some((i) => i.code === item)) throw refuse(R.unknownItem, { item });
    }
    const entry = ctx.store.upsert('archive_entries', {
      id: randomUUID(),
      hall_id: ctx.hallId,
      staff_id: staffId,
      kind,
      day,
      item,
      times: item === null ? 1 : times,
      note,
      by_id: by,
      at: ctx.now,
      contest: null,
      contest_grounds: null,
      contested_at: null,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    });
    return { entry };
  },
  'archive.contest': (ctx) => {
    const e = loadEntry(ctx, ctx.payload.entryId);
    if (e.staff_id !== actor(ctx)) throw refuse(R.notYours);
    if (e.contest !== null) throw refuse(R.alreadyContested);
    return {
      entry: ctx.store.patch('archive_entries', e.id, { contest: 'pending', contest_grounds: ctx.payload.grounds, contested_at: ctx.now }),
    };
  },
  'archive.decideContest': (ctx) => {
    const { entryId, upheld, note } = ctx.payload;
    const e = loadEntry(ctx, entryId);
    if (e.contest !== 'pending') throw refuse(R.noContest);
    const by = actor(ctx);
    // The contesting staff member is the one the entry is about.
    if (by === e.staff_id) throw refuse(R.deciderConflict);
    return {
      entry: ctx.store.patch('archive_entries', e.id, {
        contest: upheld ? 'upheld' : 'rejected',
        decided_by: by,
        decided_at: ctx.now,
        decision_note: note,
      }),
    };
  },
  'archive.setRules': (ctx) => {
    const version = currentRules(ctx.store.db, ctx.hallId).version + 1;
    ctx.store.upsert('score_rules', {
      id: `${ctx.hallId}-rules-${version}`,
      hall_id: ctx.hallId,
      version,
      rules: JSON.stringify(ctx.payload.rules),
      by_id: actor(ctx),
      at: ctx.now,
    });
    return { version };
  },
  /**
   * Stores the month's score of every active clerk and of anyone with entries that month, under the
   * sheet's current version: scoring again under the same version replaces those scores (entries
   * decided since count), under a new version adds scores beside the old ones, which keep theirs.
   */
  'archive.scoreMonth': (ctx) => {
    const { month } = ctx.payload;
    if (monthDays(month).first > dayOf(ctx, ctx.now)) throw refuse(R.futureMonth, { month });
    const by = actor(ctx);
    const w = monthWindow(month, parseQueueSettings(ctx.store.get('halls', ctx.hallId)!.queue_settings).utcOffsetMinutes);
    const sheet = currentRules(ctx.store.db, ctx.hallId);
    const facts = scoreFacts(ctx.store.db, w, ctx.now);
    const staff = sql(
      ctx,
      `SELECT id FROM staff WHERE role = 'clerk' AND disabled_at IS NULL
       UNION SELECT staff_id FROM archive_entries WHERE day >= ? AND day < ? ORDER BY 1`,
    ).all(w.first, w.next) as { id: string }[];
    for (const { id } of staff) {
      const score = scoreOf(sheet, entriesOf(ctx.store.db, id, w), facts.get(id));
      ctx.store.upsert('archive_scores', {
        id: `${id}-${month}-v${sheet.version}`,
        hall_id: ctx.hallId,
        staff_id: id,
        month,
        rules_version: sheet.version,
        score: score.total,
        detail: JSON.stringify(score),
        by_id: by,
        at: ctx.now,
      });
    }
    return { version: sheet.version, scored: staff.length };
  },
} satisfies FeatureHandlers<typeof archiveCommandSpecs>;
