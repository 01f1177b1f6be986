import { CommandError, ErrorCode, type CommandPayload, type CommandResult, type CommandType, type Row, type TerminalRole } from '../../../shared/protocol';
import type { Statement } from 'better-sqlite3';
import type { Store } from '../store';

/** Who sent a command: the authenticated terminal (staff sessions ride on the counter it signed in). */
export interface Caller {
  terminalId: string;
  role: TerminalRole;
  counterId: string | null;
}

export interface HandlerContext<T extends CommandType> {
  store: Store;
  now: number;
  hallId: string;
  caller: Caller;
  payload: CommandPayload<T>;
}

export type Handlers = { [T in CommandType]: (ctx: HandlerContext<T>) => CommandResult };

export const notFound = (what: string) => new CommandError(ErrorCode.NOT_FOUND, `${what}不存在`);

export function loadCounter(ctx: HandlerContext<CommandType>, counterId: string): Row<'counters'> {
  const { caller, store } = ctx;
  if (caller.counterId !== null && caller.counterId !== counterId) {
    throw new CommandError(ErrorCode.FORBIDDEN, '本终端不属于该窗口');
  }
  const counter = store.get('counters', counterId);
  if (!counter) throw notFound('窗口');
  return counter;
}

/** The counter must be signed in from this very terminal: a staff session is bound to its terminal. */
export function ownCounter(ctx: HandlerContext<CommandType>, counterId: string): Row<'counters'> {
  const counter = loadCounter(ctx, counterId);
  if (counter.state !== 'closed' && counter.terminal_id !== ctx.caller.terminalId) {
    throw new CommandError(ErrorCode.FORBIDDEN, `${counter.number} 号窗口由其他终端签到`);
  }
  return counter;
}

const cache = new WeakMap<object, Map<string, Statement>>();
/** A prepared statement, prepared once per database. */
export function sql(ctx: { store: Store }, text: string): Statement {
  let m = cache.get(ctx.store.db);
  if (!m) cache.set(ctx.store.db, (m = new Map()));
  let s = m.get(text);
  if (!s) m.set(text, (s = ctx.store.db.prepare(text)));
  return s;
}
