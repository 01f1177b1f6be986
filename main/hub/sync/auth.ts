import type { Socket } from 'socket.io';
import { ErrorCode } from '../../../shared/kernel/errors';
import type { TerminalRole } from '../../../shared/kernel/roles';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol';
import type { Db } from '../../db/open';
import type { Caller } from '../commands/context';
import { hashToken, sameHash, tokenTerminalId } from '../../kernel/credentials';

/** A terminal as enrolled: its role, the counter it is bound to and its zone (no command changes them). */
export interface Terminal extends Caller {
  zone: string;
}

export interface SocketData {
  terminal: Terminal;
}
export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

interface TerminalRow {
  id: string;
  role: TerminalRole;
  counter_id: string | null;
  zone: string;
  token_hash: string;
}

/** Looks up live (not revoked) terminals by id. */
export function terminalsOf(db: Db): (terminalId: string) => { terminal: Terminal; tokenHash: string } | undefined {
  const find = db.prepare('SELECT id, role, counter_id, zone, token_hash FROM terminals WHERE id = ? AND revoked_at IS NULL');
  return (terminalId) => {
    const row = find.get(terminalId) as TerminalRow | undefined;
    return (
      row && { terminal: { terminalId: row.id, role: row.role, counterId: row.counter_id, zone: row.zone }, tokenHash: row.token_hash }
    );
  };
}

/** The live terminal a token belongs to: the one it names, and only if the token is that terminal's own. */
export function terminalByToken(db: Db): (token: unknown) => Terminal | undefined {
  const terminal = terminalsOf(db);
  return (token) => {
    const terminalId = typeof token === 'string' && token.length <= 200 ? tokenTerminalId(token) : null;
    const found = terminalId ? terminal(terminalId) : undefined;
    return found && sameHash(found.tokenHash, hashToken(token as string)) ? found.terminal : undefined;
  };
}

/** socket.io middleware: a socket gets in with a live terminal's token and nothing else. */
export function authenticate(db: Db): (socket: HubSocket, next: (err?: Error) => void) => void {
  const byToken = terminalByToken(db);
  return (socket, next) => {
    let terminal: Terminal | undefined;
    try {
      terminal = byToken(socket.handshake.auth?.token);
    } catch (e) {
      // A database that cannot be read now (a failing disk): refuse this socket, keep the hub.
      return next(new Error(`${ErrorCode.INTERNAL}: ${(e as Error).message}`));
    }
    if (!terminal) return next(new Error(ErrorCode.UNAUTHENTICATED));
    socket.data.terminal = terminal;
    next();
  };
}
