import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Clock } from '../../../shared/kernel/clock';
import { CommandError, ErrorCode } from '../../../shared/kernel/errors';
import { type WireAnswer } from '../../../shared/protocol';
import { type TerminalRole } from '../../../shared/kernel/roles';
import type { Db } from '../../db/open';
import { hashToken, newToken, normalizeCode } from '../../kernel/credentials';
import type { Executor } from '../commands/executor';
import type { Caller } from '../commands/context';
import { KeyedBuckets, rateLimited, type Rate } from '../limits';
import { sendJson } from '../../kernel/staticFiles';
import { readJsonBody } from '../../kernel/jsonBody';

const EnrollRequest = z.strictObject({ code: z.string().min(12).max(40) });
const MAX_BODY = 2048;
/** A refusal that is the hub's trouble, not the code's: the terminal may try the same code again. */
const refusalStatus: Partial<Record<ErrorCode, number>> = { [ErrorCode.STORAGE_FULL]: 503, [ErrorCode.INTERNAL]: 500 };

interface Deps {
  db: Db;
  executor: Executor;
  clock: Clock;
  hall: { id: string; name: string };
  /** Attempts per client address. */
  perAddress: Rate;
}

const INVALID = '注册码无效、已使用或已过期，请向大厅管理员重新获取';

/**
 * POST /enroll {"code": "XXXX-XXXX-XXXX"} → {terminalId, role, token, hallId, hallName}: a new
 * terminal exchanges its one-time code for its token. Unknown, used and expired codes get the same
 * answer, so the endpoint tells a guesser nothing. Each address gets a few attempts a minute; every
 * attempt with a code the hub issued is audited, while a code it never issued (a guess) is not, so
 * guessing cannot fill the audit log either.
 */
export function enrollmentEndpoint({
  db,
  executor,
  clock,
  hall,
  perAddress,
}: Deps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const findCode = db.prepare(
    'SELECT e.terminal_id, e.expires_at, e.used_at, t.revoked_at, t.role FROM enrollments e JOIN terminals t ON t.id = e.terminal_id WHERE e.code_hash = ?',
  );
  const setToken = db.prepare('UPDATE terminals SET token_hash = ? WHERE id = ?');
  const useCode = db.prepare('UPDATE enrollments SET used_at = ? WHERE code_hash = ?');
  const attempts = new KeyedBuckets(perAddress);

  function enroll(code: string): WireAnswer {
    const codeHash = hashToken(normalizeCode(code));
    const row = findCode.get(codeHash) as
      { terminal_id: string; expires_at: number; used_at: number | null; revoked_at: number | null; role: TerminalRole } | undefined;
    if (!row) return { ok: false, error: { code: ErrorCode.ENROLLMENT_INVALID, message: INVALID } };
    const caller: Caller = { terminalId: row.terminal_id, role: row.role, counterId: null };
    return executor.system(caller, 'terminal.enroll', { code: `${normalizeCode(code).slice(0, 2)}…` }, () => {
      const now = clock();
      if (row.used_at !== null || row.revoked_at !== null || now >= row.expires_at)
        throw new CommandError(ErrorCode.ENROLLMENT_INVALID, INVALID);
      const token = newToken(row.terminal_id);
      setToken.run(hashToken(token), row.terminal_id);
      useCode.run(now, codeHash);
      // No replicated row changes (the token hash never leaves the hub): no feed position to report.
      return { ok: true, result: { terminalId: row.terminal_id, role: row.role, token, hallId: hall.id, hallName: hall.name }, seq: 0 };
    });
  }

  return async (req, res) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: { code: ErrorCode.VALIDATION_FAILED, message: 'POST only' } });
    if (!attempts.take(req.socket.remoteAddress ?? '')) return sendJson(res, 429, rateLimited('注册尝试过于频繁，请一分钟后再试'));
    const read = await readJsonBody(req, MAX_BODY);
    if (read === 'tooLarge') return sendJson(res, 413, { error: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: '请求过大' } });
    const json = read.json;
    const parsed = EnrollRequest.safeParse(json);
    if (!parsed.success) return sendJson(res, 400, { error: { code: ErrorCode.VALIDATION_FAILED, message: '需要 {"code": "注册码"}' } });
    const answer = enroll(parsed.data.code);
    if (answer.ok) sendJson(res, 200, answer.result);
    else sendJson(res, refusalStatus[answer.error.code] ?? 401, { error: answer.error });
  };
}
