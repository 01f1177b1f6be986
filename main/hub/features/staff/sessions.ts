import type { Statement } from 'better-sqlite3';
import type { StaffRole } from '../../../../shared/kernel/roles';
import type { Db } from '../../../db/open';
import { prepared } from '../../readonlyDb';
import type { Store } from '../../store';

/**
 * Sessions at manager terminals: one row per terminal, naming who is signed in there. A session
 * lasts while its person keeps working (sessionLapse in shared/staff/rules), and ends on signing
 * out, on the person's new password, and when its terminal is revoked or enrolled again.
 */
export interface Session {
  id: string;
  role: StaffRole;
  startedAt: number;
  activeAt: number | null;
}

export function findSession(db: Db, terminalId: string): Session | undefined {
  return prepared<Statement>(
    db,
    'SELECT s.id, s.role, x.started_at AS startedAt, x.active_at AS activeAt FROM staff_sessions x JOIN staff s ON s.id = x.staff_id WHERE x.id = ?',
  ).get(terminalId) as Session | undefined;
}

/** A command at the terminal: the session's idle time starts again (the hub's own column, never fed). */
export function touchSession(db: Db, terminalId: string, now: number): void {
  prepared<Statement>(db, 'UPDATE staff_sessions SET active_at = ? WHERE id = ? AND staff_id IS NOT NULL').run(now, terminalId);
}

/** Ends the session at a terminal (`id`), or a person's sessions everywhere (`staff_id`). */
export function endSessions(store: Store, column: 'id' | 'staff_id', value: string): void {
  for (const s of store.where('staff_sessions', `${column} = ? AND staff_id IS NOT NULL`, value))
    store.patch('staff_sessions', s.id, { staff_id: null, started_at: null });
}
