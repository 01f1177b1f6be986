import { randomBytes } from 'node:crypto';
import { refuse } from '../../../../shared/kernel/refusal';
import { terminalRefusals, TERMINAL_ACTIONS } from '../../../../shared/terminals/refusals';
import { parseSecuritySettings } from '../../../../shared/staff/settings';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { type terminalCommandSpecs } from '../../../../shared/terminals/commands';
import { hashToken, newEnrollmentCode, normalizeCode } from '../../../kernel/credentials';
import { notFound, sql, type HandlerContext, type FeatureHandlers } from '../../commands/context';
import { endCounterSignIns } from '../counter/handlers';
import { endSessions } from '../staff/sessions';

type Ctx = HandlerContext<CommandType>;

/** A fresh one-time code for the terminal; earlier unused codes stop working. */
function issueCode(ctx: Ctx, terminalId: string): { code: string; expiresAt: number } {
  const minutes = parseSecuritySettings(ctx.store.get('halls', ctx.hallId)!.security_settings).enrollMinutes;
  sql(ctx, 'DELETE FROM enrollments WHERE terminal_id = ? AND used_at IS NULL').run(terminalId);
  const code = newEnrollmentCode();
  const expiresAt = ctx.now + minutes * 60_000;
  sql(ctx, 'INSERT INTO enrollments (code_hash, terminal_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    hashToken(normalizeCode(code)),
    terminalId,
    ctx.now,
    expiresAt,
  );
  return { code, expiresAt };
}

function liveTerminal(ctx: Ctx, terminalId: string): Row<'terminals'> {
  const t = ctx.store.get('terminals', terminalId);
  if (!t) throw notFound('terminal');
  if (t.revoked_at !== null) throw refuse(terminalRefusals.revoked, { name: t.name });
  return t;
}

/**
 * Ends what a terminal holds: its token (now the hash of a secret nobody has), the manager session
 * signed in there and its open connections. A revoked terminal stays so; one enrolled again gets
 * back in with its new code only.
 */
function cutOff(ctx: Ctx, t: Row<'terminals'>, action: keyof typeof TERMINAL_ACTIONS): void {
  if (t.id === ctx.caller.terminalId) throw refuse(terminalRefusals.notSelf, { action });
  sql(ctx, 'UPDATE terminals SET token_hash = ? WHERE id = ?').run(hashToken(randomBytes(32).toString('hex')), t.id);
  endSessions(ctx.store, 'id', t.id);
  endCounterSignIns(ctx, 'terminal_id', t.id, `终端已${TERMINAL_ACTIONS[action]}，签到结束`);
  ctx.afterCommit({ kind: 'disconnect', terminalId: t.id });
}

export const terminalHandlers = {
  'terminal.create': (ctx) => {
    const { role, name, counterId, zone } = ctx.payload;
    if (counterId && !ctx.store.get('counters', counterId)) throw notFound('counter');
    // A zone display shows the counters of a zone the hall has (setup's zones), by its name.
    if (zone && ctx.store.where('zones', 'name = ?', zone).length === 0) throw notFound('zone');
    if ((role === 'clerk' || role === 'evaluator') && !counterId) throw refuse(terminalRefusals.counterRequired);
    const id = `${ctx.hallId}-t-${ctx.now.toString(36)}${randomBytes(3).toString('hex')}`;
    // No usable token until the code is exchanged: the hash of a secret nobody holds.
    const terminal = ctx.store.upsert(
      'terminals',
      {
        id,
        hall_id: ctx.hallId,
        role,
        name,
        counter_id: counterId,
        zone,
        created_at: ctx.now,
        revoked_at: null,
        confirm_locked_until: null,
      },
      { token_hash: hashToken(randomBytes(32).toString('hex')) },
    );
    return { terminal, ...issueCode(ctx, id) };
  },
  /** Enrolling a terminal again: the PC (or one in its place) gets in with the new code, nothing from before does. */
  'terminal.newCode': (ctx) => {
    const t = liveTerminal(ctx, ctx.payload.terminalId);
    cutOff(ctx, t, 'reenroll');
    return { terminal: t, ...issueCode(ctx, t.id) };
  },
  'terminal.revoke': (ctx) => {
    const t = liveTerminal(ctx, ctx.payload.terminalId);
    cutOff(ctx, t, 'revoke');
    sql(ctx, 'DELETE FROM enrollments WHERE terminal_id = ? AND used_at IS NULL').run(t.id);
    return { terminal: ctx.store.patch('terminals', t.id, { revoked_at: ctx.now }) };
  },
} satisfies FeatureHandlers<typeof terminalCommandSpecs>;
