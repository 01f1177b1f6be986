import { createHash } from 'node:crypto';
import type { AnyRow, TableName } from '../../../shared/protocol';
import type { TerminalRole } from '../../../shared/kernel/roles';
import type { Db } from '../../db/open';
import { prepared, type ReadonlyDb } from '../readonlyDb';
import type { Store, StoredEntry } from '../store';
import type { Terminal } from './auth';

/**
 * Projection by scope: within the tables and columns its role may see, a terminal holds only the
 * rows of its place in the hall.
 * - display with a zone: the zone's counters, what they serve (counter_services, services), and the
 *   tickets of those services or at, or sent to, those counters. Without a zone: the whole hall.
 * - evaluator: its counter (the row and its services) and the tickets called to it.
 * - clerk: the cases of its counter's departments, with their joint parts, events and notices. A counter's
 *   departments are those of the services it serves (not of whoever is signed in): the replica
 *   belongs to the PC at the window and its offline work, so it does not change at each sign-in.
 *   A case is the department's when it leads it or has a joint part in it, and it is also the
 *   counter's where it was registered (a general window registers cases for any department).
 * - kiosk, manager, region: everything their role sees.
 * The same scope decides snapshots, backlogs and live batches. A change to a row the terminal may
 * not hold is sent as a delete of that row (its id, nothing of its content): the terminal may hold
 * an earlier version, as when a ticket is transferred to another zone, and deleting a row it does
 * not hold changes nothing. So every replica ends as its scope sees the hub, whatever moved.
 */
export interface Scope {
  /** Terminals with the same key share the scope (and one projection of each batch). */
  readonly key: string;
  readonly role: TerminalRole;
  /** What the scope is made of; a different signature after a fact changed means a different scope. */
  readonly signature: string;
  /** Whether the terminal holds `row` of `table`, a table its role sees. */
  holds(table: TableName, row: AnyRow, cases: CaseAudiences): boolean;
}

type Rule = (row: AnyRow, cases: CaseAudiences) => boolean;

const everything = (role: TerminalRole): Scope => ({ key: role, role, signature: '', holds: () => true });

function scoped(key: string, role: TerminalRole, made: Iterable<string>[], rules: { [T in TableName]?: Rule }): Scope {
  return {
    key,
    role,
    signature: JSON.stringify(made.map((set) => [...set].sort())),
    holds: (table, row, cases) => rules[table]?.(row, cases) ?? true,
  };
}

/** The room key of a terminal's scope, from the terminal alone (its role, zone and counter never change). */
export function scopeKey(t: Terminal): string {
  if (t.role === 'display') return t.zone ? `display@${t.zone}` : 'display';
  if (t.role === 'evaluator' || t.role === 'clerk') return `${t.role}@${t.counterId ?? ''}`;
  return t.role;
}

export function scopeOf(t: Terminal, facts: ScopeFacts): Scope {
  const key = scopeKey(t);
  if (t.role === 'display' && t.zone) {
    const counters = facts.countersIn(t.zone);
    const services = facts.servicesOf(counters);
    const at = (id: unknown) => counters.has(id as string);
    return scoped(key, t.role, [counters, services], {
      counters: (r) => at(r.id),
      counter_services: (r) => at(r.counter_id),
      services: (r) => services.has(r.id),
      tickets: (r) => services.has(r.service_id as string) || at(r.counter_id) || at(r.target_counter_id),
      zones: (r) => r.name === t.zone,
    });
  }
  const counter = t.counterId;
  if (t.role === 'evaluator') {
    return scoped(key, t.role, [], {
      counters: (r) => r.id === counter,
      counter_services: (r) => r.counter_id === counter,
      tickets: (r) => counter !== null && r.counter_id === counter,
      // A concluded case's request is the applicant's phone's to redeem, never the window's.
      rating_requests: (r) => counter !== null && r.counter_id === counter && r.case_id === null,
    });
  }
  if (t.role === 'clerk') {
    const departments = counter === null ? new Set<string>() : facts.departmentsOf(counter);
    const mine = (caseId: unknown, cases: CaseAudiences) => {
      const a = cases.of(caseId as string);
      return (counter !== null && a.counterId === counter) || a.departments.some((d) => departments.has(d));
    };
    return scoped(key, t.role, [departments], {
      cases: (r, cases) => mine(r.id, cases),
      case_parts: (r, cases) => mine(r.case_id, cases),
      case_events: (r, cases) => mine(r.case_id, cases),
      case_notices: (r, cases) => mine(r.case_id, cases),
    });
  }
  return everything(t.role);
}

/**
 * Who a case is for: its department, its joint parts' departments, and the counter it was
 * registered at. Invariant: all three are set when the case is registered and no command changes
 * them, so the audience read now is that of every version of the case and of its parts and events
 * (a backlog replays old versions against it). A command that ever moves a case must also write its
 * parts and events again, so that the terminals losing the case get their deletes. Read once per
 * case per batch, whatever the number of terminals.
 */
export class CaseAudiences {
  private readonly seen = new Map<string, { departments: string[]; counterId: string | null }>();

  constructor(private readonly db: ReadonlyDb) {}

  of(caseId: string): { departments: string[]; counterId: string | null } {
    let a = this.seen.get(caseId);
    if (!a) {
      const row = prepared(
        this.db,
        `SELECT department_id, counter_id, (SELECT json_group_array(department_id) FROM case_parts WHERE case_id = c.id) AS parts
         FROM cases c WHERE id = ?`,
      ).get(caseId) as { department_id: string; counter_id: string | null; parts: string } | undefined;
      a = row
        ? { departments: [row.department_id, ...(JSON.parse(row.parts) as string[])], counterId: row.counter_id }
        : { departments: [], counterId: null };
      this.seen.set(caseId, a);
    }
    return a;
  }
}

/**
 * The facts scopes are made of: each counter's zone, what each counter serves, each service's
 * department. Small tables, loaded once and kept current from the committed batches.
 */
export class ScopeFacts {
  private readonly zones = new Map<string, string>();
  private readonly serves = new Map<string, { counter_id: string; service_id: string }>();
  private readonly departments = new Map<string, string>();

  constructor(store: Store) {
    for (const c of store.all('counters')) this.zones.set(c.id, c.zone);
    for (const cs of store.all('counter_services')) this.serves.set(cs.id, { counter_id: cs.counter_id, service_id: cs.service_id });
    for (const s of store.all('services')) this.departments.set(s.id, s.department_id);
  }

  /** Takes a committed batch in; true when a fact changed, and with it, perhaps, some scopes. */
  apply(entries: readonly StoredEntry[]): boolean {
    let changed = false;
    const set = <V>(map: Map<string, V>, id: string, value: V | null) => {
      const before = map.get(id);
      if (value === null) changed = map.delete(id) || changed;
      else if (JSON.stringify(before) !== JSON.stringify(value)) {
        map.set(id, value);
        changed = true;
      }
    };
    for (const e of entries) {
      const r = e.row;
      if (e.table === 'counters') set(this.zones, e.id, r && (r.zone as string));
      else if (e.table === 'counter_services')
        set(this.serves, e.id, r && { counter_id: r.counter_id as string, service_id: r.service_id as string });
      else if (e.table === 'services') set(this.departments, e.id, r && (r.department_id as string));
    }
    return changed;
  }

  /** Stands for the facts as they are, across restarts. */
  fingerprint(): string {
    const sorted = (m: Map<string, unknown>) => [...m].sort(([a], [b]) => a.localeCompare(b));
    return createHash('sha256')
      .update(JSON.stringify([sorted(this.zones), sorted(this.serves), sorted(this.departments)]))
      .digest('hex');
  }

  countersIn(zone: string): Set<string> {
    return new Set([...this.zones].filter(([, z]) => z === zone).map(([id]) => id));
  }

  servicesOf(counters: ReadonlySet<string>): Set<string> {
    return new Set([...this.serves.values()].filter((cs) => counters.has(cs.counter_id)).map((cs) => cs.service_id));
  }

  departmentsOf(counter: string): Set<string> {
    return new Set(
      [...this.serves.values()].filter((cs) => cs.counter_id === counter).flatMap((cs) => this.departments.get(cs.service_id) ?? []),
    );
  }
}

/**
 * The seq from which every scope is as the facts are now: a replica whose cursor is older may hold
 * rows of an earlier scope, so it gets a snapshot. Kept in meta with the facts' fingerprint; a
 * different fingerprint at start (facts changed by a migration, or a crash between a commit and
 * its record), or no record (a migration that changed what a role sees deletes it), moves it past
 * the current seq: every replica made before this start, even one caught up to its last entry,
 * takes a snapshot once.
 */
export function scopeSince(db: Db, facts: ScopeFacts, currentSeq: number): number {
  const meta = db.prepare("SELECT value FROM meta WHERE key = 'scope'").get() as { value: string } | undefined;
  const stored = meta && (JSON.parse(meta.value) as { fingerprint: string; seq: number });
  return stored?.fingerprint === facts.fingerprint() ? stored.seq : scopesChanged(db, facts, currentSeq + 1);
}

/** Records that the facts changed with the batch ending at `seq`; returns it. */
export function scopesChanged(db: Db, facts: ScopeFacts, seq: number): number {
  db.prepare("INSERT INTO meta (key, value) VALUES ('scope', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify({ fingerprint: facts.fingerprint(), seq }),
  );
  return seq;
}
