import { randomBytes } from 'node:crypto';
import { loginAttempt, defaultSecuritySettings } from '../../shared/staff/rules';
import type { NodeLevel } from '../../shared/region/board';
import { hashPassword, hashToCheck, hashToken, verifyPasswordOffThread } from '../kernel/credentials';
import type { RegionStore } from './store';

/** A regional session lasts a working day; signing in again starts a new one. */
const SESSION_MS = 12 * 3_600_000;

export interface Supervisor {
  login: string;
  name: string;
  nodeId: string;
  nodeName: string;
  level: NodeLevel;
}

/**
 * The region's supervisors: each over a node of the network and everything under it. Sign-in is
 * the hall's (scrypt off the event loop, the same lockout rule, an unknown login answered after the
 * same scrypt as a wrong password), and every sign-in is audited.
 */
export class Supervisors {
  constructor(
    private readonly store: RegionStore,
    private readonly clock: () => number,
  ) {}

  async addNode(node: { id: string; parentId: string | null; level: NodeLevel; name: string }): Promise<void> {
    await this.store.pool.query(
      `INSERT INTO region_nodes (id, parent_id, level, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, level = excluded.level, name = excluded.name`,
      [node.id, node.parentId, node.level, node.name],
    );
    await this.audit(null, 'node.save', JSON.stringify(node));
  }

  async placeHall(hallId: string, nodeId: string): Promise<void> {
    const { rowCount } = await this.store.pool.query('UPDATE region_halls SET node_id = $2 WHERE hall_id = $1', [hallId, nodeId]);
    if (!rowCount) throw new Error(`unknown hall ${hallId}: add it first (add-hall)`);
    await this.audit(null, 'hall.place', JSON.stringify({ hallId, nodeId }));
  }

  async add(s: { login: string; name: string; nodeId: string; password: string }): Promise<void> {
    await this.store.pool.query(
      `INSERT INTO region_supervisors (login, name, node_id, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (login) DO UPDATE SET name = excluded.name, node_id = excluded.node_id, password_hash = excluded.password_hash,
         failed = 0, locked_until = NULL`,
      [s.login, s.name, s.nodeId, hashPassword(s.password)],
    );
    await this.audit(null, 'supervisor.save', JSON.stringify({ login: s.login, name: s.name, nodeId: s.nodeId }));
  }

  /** A session token for the right password; otherwise why not, the same for an unknown login as for a wrong password. */
  async signIn(login: string, password: string): Promise<{ ok: true; token: string } | { ok: false; reason: 'bad' | 'locked' }> {
    const { rows } = await this.store.pool.query<{ password_hash: string; failed: number; locked_until: string | null }>(
      'SELECT password_hash, failed, locked_until FROM region_supervisors WHERE login = $1',
      [login],
    );
    const row = rows[0];
    const passwordOk = await verifyPasswordOffThread(password, hashToCheck(row?.password_hash));
    if (!row) {
      await this.audit(login, 'signIn.refused', 'unknown login');
      return { ok: false, reason: 'bad' };
    }
    const now = this.clock();
    const { outcome, next } = loginAttempt(
      { failed: row.failed, lockedUntil: row.locked_until === null ? null : Number(row.locked_until) },
      passwordOk,
      now,
      defaultSecuritySettings,
    );
    await this.store.pool.query('UPDATE region_supervisors SET failed = $2, locked_until = $3 WHERE login = $1', [
      login,
      next.failed,
      next.lockedUntil,
    ]);
    if (outcome !== 'ok') {
      await this.audit(login, 'signIn.refused', outcome);
      return { ok: false, reason: outcome };
    }
    const token = randomBytes(32).toString('base64url');
    await this.store.pool.query('INSERT INTO region_sessions (token_hash, login, expires_at) VALUES ($1, $2, $3)', [
      hashToken(token),
      login,
      now + SESSION_MS,
    ]);
    await this.audit(login, 'signIn', '');
    return { ok: true, token };
  }

  /** The supervisor a live session token belongs to, or null. */
  async bySession(token: string): Promise<Supervisor | null> {
    const { rows } = await this.store.pool.query<{ login: string; name: string; node_id: string; node_name: string; level: NodeLevel }>(
      `SELECT s.login, s.name, s.node_id, n.name AS node_name, n.level
       FROM region_sessions x JOIN region_supervisors s ON s.login = x.login JOIN region_nodes n ON n.id = s.node_id
       WHERE x.token_hash = $1 AND x.expires_at > $2`,
      [hashToken(token), this.clock()],
    );
    const r = rows[0];
    return r ? { login: r.login, name: r.name, nodeId: r.node_id, nodeName: r.node_name, level: r.level } : null;
  }

  private async audit(login: string | null, action: string, detail: string): Promise<void> {
    await this.store.audit(this.clock(), login, action, detail);
  }
}
