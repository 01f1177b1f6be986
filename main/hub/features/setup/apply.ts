import { randomUUID } from 'node:crypto';
import type { Thing } from '../../../../shared/kernel/commonRefusals';
import { refuse } from '../../../../shared/kernel/refusal';
import { sheetPlace, sheetRefusals } from '../../../../shared/kernel/sheetProblem';
import { DEPARTMENT_USES, setupRefusals } from '../../../../shared/setup/refusals';
import type { StaffRole } from '../../../../shared/kernel/roles';
import type { Row } from '../../../../shared/protocol';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { hallDay } from '../../../../shared/queue/rules';
import type { CounterDefinition, ImportCounts, ServiceDefinition, StaffUpdate } from '../../../../shared/setup/commands';
import { formatPriorities } from '../../../../shared/setup/rules';
import { setupProblems, type HallIdentity, type HallSetupSheet } from '../../../../shared/setup/sheet';
import { notFound, sql } from '../../commands/context';
import { NO_PASSWORD } from '../../../kernel/credentials';
import type { Store } from '../../store';
import { endSessions } from '../staff/sessions';

/**
 * The hall's setup, row by row: what the board's setup commands, the setup sheet's import and the
 * demo seed all apply, inside the caller's transaction. Each change is checked against the hall's
 * running work and history first and refused with the reason (nothing written) when it would break
 * them: a refusal is a CommandError, and the executor rolls the transaction back.
 */
export interface SetupTarget {
  store: Store;
  hallId: string;
  now: number;
}

const r = setupRefusals;
const notFoundError = (what: Thing): never => {
  throw notFound(what);
};
const exists = (t: SetupTarget, query: string, ...params: unknown[]) => sql(t, query).get(...params) !== undefined;

/** Tickets of today not yet ended: the work a setup change must not pull the ground from under. */
function activeTickets(t: SetupTarget, where: string, ...params: unknown[]): number {
  const day = hallDay(t.now, parseQueueSettings(t.store.get('halls', t.hallId)!.queue_settings).utcOffsetMinutes);
  return (
    sql(
      t,
      `SELECT count(*) AS n FROM tickets WHERE day = ? AND status IN ('waiting','called','serving','parked','missed') AND ${where}`,
    ).get(day, ...params) as { n: number }
  ).n;
}

export function setIdentity(t: SetupTarget, identity: HallIdentity): Row<'halls'> {
  const hall = t.store.get('halls', t.hallId)!;
  const settings = parseQueueSettings(hall.queue_settings);
  if (settings.utcOffsetMinutes !== identity.utcOffsetMinutes) {
    const waiting = activeTickets(t, '1');
    // Today's tickets belong to the hall day they were issued in; a new offset would move the day under them.
    if (waiting > 0) throw refuse(r.offsetWithOpenTickets, { n: waiting });
  }
  return t.store.patch('halls', t.hallId, {
    name: identity.name,
    code: identity.code,
    queue_settings: JSON.stringify({ ...settings, utcOffsetMinutes: identity.utcOffsetMinutes }),
  });
}

export function saveZone(t: SetupTarget, z: { zoneId: string; name: string; sort: number }): Row<'zones'> {
  if (exists(t, 'SELECT 1 FROM zones WHERE name = ? AND id <> ?', z.name, z.zoneId)) throw refuse(r.zoneTaken, { name: z.name });
  const old = t.store.get('zones', z.zoneId);
  if (old && old.name !== z.name) {
    // A zone display's scope is fixed when it is enrolled; it would keep showing a zone that no longer exists.
    if (exists(t, 'SELECT 1 FROM terminals WHERE zone = ? AND revoked_at IS NULL', old.name))
      throw refuse(r.zoneDisplayRename, { name: old.name });
    for (const c of t.store.where('counters', 'zone = ?', old.name)) t.store.patch('counters', c.id, { zone: z.name });
  }
  return t.store.upsert('zones', { id: z.zoneId, hall_id: t.hallId, name: z.name, sort: z.sort });
}

export function removeZone(t: SetupTarget, zoneId: string): void {
  const zone = t.store.get('zones', zoneId);
  if (!zone) throw notFound('zone');
  if (exists(t, 'SELECT 1 FROM counters WHERE zone = ?', zone.name)) throw refuse(r.zoneHasCounters, { name: zone.name });
  if (exists(t, 'SELECT 1 FROM terminals WHERE zone = ? AND revoked_at IS NULL', zone.name))
    throw refuse(r.zoneHasDisplays, { name: zone.name });
  t.store.remove('zones', zoneId);
}

export function saveDepartment(t: SetupTarget, d: { departmentId: string; name: string; sort: number }): Row<'departments'> {
  if (exists(t, 'SELECT 1 FROM departments WHERE name = ? AND id <> ?', d.name, d.departmentId))
    throw refuse(r.departmentTaken, { name: d.name });
  // The head is set apart (department.setHead): renaming or reordering keeps it.
  const head = t.store.get('departments', d.departmentId)?.head_staff_id ?? null;
  return t.store.upsert('departments', { id: d.departmentId, hall_id: t.hallId, name: d.name, sort: d.sort, head_staff_id: head });
}

export function removeDepartment(t: SetupTarget, departmentId: string): void {
  const d = t.store.get('departments', departmentId);
  if (!d) throw notFound('department');
  for (const table of Object.keys(DEPARTMENT_USES) as (keyof typeof DEPARTMENT_USES)[]) {
    if (exists(t, `SELECT 1 FROM ${table} WHERE department_id = ?`, departmentId))
      throw refuse(r.departmentInUse, { name: d.name, what: table });
  }
  t.store.remove('departments', departmentId);
}

export function saveService(t: SetupTarget, s: ServiceDefinition): Row<'services'> {
  if (!t.store.get('departments', s.departmentId)) throw notFound('department');
  if (exists(t, 'SELECT 1 FROM services WHERE prefix = ? AND id <> ?', s.prefix, s.serviceId))
    throw refuse(r.prefixTaken, { prefix: s.prefix });
  const old = t.store.get('services', s.serviceId);
  if (old && old.prefix !== s.prefix) {
    const active = activeTickets(t, 'service_id = ?', s.serviceId);
    // Today's numbers run on from the day's first ticket; a new letter midway would make two series.
    if (active > 0) throw refuse(r.prefixWithOpenTickets, { service: old.name, n: active });
  }
  return t.store.upsert('services', {
    id: s.serviceId,
    hall_id: t.hallId,
    department_id: s.departmentId,
    name: s.name,
    prefix: s.prefix,
    sort: s.sort,
    is_open: old?.is_open ?? 1,
    daily_cap: s.dailyCap,
    max_wait_min: s.maxWaitMin,
    max_service_min: s.maxServiceMin,
    queue_cap: old?.queue_cap ?? 30,
    priority_run: old?.priority_run ?? 0,
    max_call_min: old?.max_call_min ?? 5,
    ticket_from: s.ticketFrom,
    ticket_until: s.ticketUntil,
    priorities: formatPriorities(s.priorities),
  });
}

/** A service is deleted only if it never issued a ticket and no catalog item or sole counter needs it; otherwise it is closed on the board. */
export function removeService(t: SetupTarget, serviceId: string): void {
  const s = t.store.get('services', serviceId);
  if (!s) throw notFound('service');
  if (exists(t, 'SELECT 1 FROM tickets WHERE service_id = ?', serviceId)) throw refuse(r.serviceHasTickets, { service: s.name });
  if (exists(t, 'SELECT 1 FROM catalog_items WHERE service_id = ?', serviceId)) throw refuse(r.serviceHasItems, { service: s.name });
  const sole = sql(
    t,
    'SELECT c.number FROM counter_services cs JOIN counters c ON c.id = cs.counter_id WHERE cs.service_id = ? AND (SELECT count(*) FROM counter_services o WHERE o.counter_id = cs.counter_id) = 1',
  ).all(serviceId) as { number: number }[];
  if (sole.length > 0) throw refuse(r.serviceSoleOfCounters, { counters: sole.map((c) => c.number).join('、'), service: s.name });
  for (const link of t.store.where('counter_services', 'service_id = ?', serviceId)) t.store.remove('counter_services', link.id);
  t.store.remove('services', serviceId);
}

export function saveCounter(t: SetupTarget, c: CounterDefinition): Row<'counters'> {
  if (exists(t, 'SELECT 1 FROM counters WHERE number = ? AND id <> ?', c.number, c.counterId))
    throw refuse(r.counterTaken, { number: c.number });
  if (c.zone !== '' && !exists(t, 'SELECT 1 FROM zones WHERE name = ?', c.zone)) throw notFound('zone');
  const services = c.serviceIds.map((id) => t.store.get('services', id) ?? notFoundError('service'));
  const old = t.store.get('counters', c.counterId);
  const counter = old
    ? old.number === c.number && old.name === c.name && old.zone === c.zone && old.profile === c.profile
      ? old
      : t.store.patch('counters', c.counterId, { number: c.number, name: c.name, zone: c.zone, profile: c.profile })
    : t.store.upsert('counters', {
        id: c.counterId,
        hall_id: t.hallId,
        number: c.number,
        name: c.name,
        zone: c.zone,
        state: 'closed',
        staff_id: null,
        terminal_id: null,
        pause_reason: null,
        state_since: null,
        last_seen_at: null,
        profile: c.profile,
        priority_streak: 0,
      });
  // The links are the counter's services in order: unchanged links are not written again.
  const links = new Map(t.store.where('counter_services', 'counter_id = ?', c.counterId).map((l) => [l.service_id, l]));
  services.forEach((service, position) => {
    const link = links.get(service.id);
    links.delete(service.id);
    if (link?.position === position) return;
    t.store.upsert('counter_services', {
      id: link?.id ?? linkId(t, c.counterId, service),
      hall_id: t.hallId,
      counter_id: c.counterId,
      service_id: service.id,
      position,
    });
  });
  for (const gone of links.values()) t.store.remove('counter_services', gone.id);
  return counter;
}

/** A new link's id: the counter's and the service's prefix, unless a link of a service that once had that prefix holds it. */
function linkId(t: SetupTarget, counterId: string, service: Row<'services'>): string {
  const short = `${counterId}-${service.prefix}`;
  return t.store.get('counter_services', short) ? `${counterId}-${service.id}` : short;
}

/** A counter is deleted only if it never served: otherwise its history names it. */
export function removeCounter(t: SetupTarget, counterId: string): void {
  const c = t.store.get('counters', counterId);
  if (!c) throw notFound('counter');
  if (c.state !== 'closed') throw refuse(r.counterSignedIn, { number: c.number });
  if (exists(t, 'SELECT 1 FROM terminals WHERE counter_id = ? AND revoked_at IS NULL', counterId))
    throw refuse(r.counterHasTerminals, { number: c.number });
  if (
    exists(t, 'SELECT 1 FROM counter_log WHERE counter_id = ?', counterId) ||
    exists(t, 'SELECT 1 FROM tickets WHERE counter_id = ?', counterId)
  )
    throw refuse(r.counterHasHistory, { number: c.number });
  for (const link of t.store.where('counter_services', 'counter_id = ?', counterId)) t.store.remove('counter_services', link.id);
  t.store.remove('counters', counterId);
}

/**
 * Changes a staff member's name, role, department, card or standing. Someone signed in at a
 * counter keeps the role and standing that let them in until they sign out; the hall always keeps
 * an active administrator. Disabling ends the person's board sessions at once.
 */
export function updateStaff(t: SetupTarget, u: StaffUpdate): { staff: Row<'staff'>; card: Row<'staff_cards'> | null } {
  const old = t.store.get('staff', u.staffId);
  if (!old) throw notFound('staff');
  if (u.departmentId !== null && !t.store.get('departments', u.departmentId)) throw notFound('department');
  const atCounter = t.store.where('counters', 'staff_id = ?', u.staffId)[0];
  if (atCounter && (!u.active || u.role !== old.role)) throw refuse(r.staffAtCounter, { name: old.name, number: atCounter.number });
  const wasAdmin = old.role === 'admin' && old.disabled_at === null;
  if (
    wasAdmin &&
    (u.role !== 'admin' || !u.active) &&
    !exists(t, "SELECT 1 FROM staff WHERE role = 'admin' AND disabled_at IS NULL AND id <> ?", u.staffId)
  )
    throw refuse(r.lastAdmin);
  const staff = t.store.patch('staff', u.staffId, {
    name: u.name,
    role: u.role,
    department_id: u.departmentId,
    disabled_at: u.active ? null : (old.disabled_at ?? t.now),
  });
  if (!u.active || u.role !== old.role) endSessions(t.store, 'staff_id', u.staffId);
  // A head heads their own department: moving elsewhere leaves the old one without a head.
  const headed = old.department_id === null ? undefined : t.store.get('departments', old.department_id);
  if (headed?.head_staff_id === u.staffId && u.departmentId !== old.department_id)
    t.store.patch('departments', headed.id, { head_staff_id: null });
  // Clerks have a card for the evaluator; someone who is no longer a clerk has none.
  const oldCard = t.store.get('staff_cards', u.staffId);
  if (u.role !== 'clerk') {
    if (oldCard) t.store.remove('staff_cards', u.staffId);
    return { staff, card: null };
  }
  const photo = u.photo === undefined ? (oldCard?.photo ?? null) : u.photo;
  return {
    staff,
    card: t.store.upsert('staff_cards', {
      id: u.staffId,
      hall_id: t.hallId,
      display_name: u.displayName,
      staff_no: u.staffNo ?? oldCard?.staff_no ?? '',
      photo,
    }),
  };
}

/** A new staff member, and a clerk's card (the display name is the name unless given). */
export function addStaff(
  t: SetupTarget,
  s: { id: string; login: string; name: string; role: StaffRole; departmentId: string | null; displayName?: string; staffNo?: string },
  passwordHash: string,
): Row<'staff'> {
  const staff = t.store.upsert(
    'staff',
    { id: s.id, hall_id: t.hallId, login: s.login, name: s.name, role: s.role, department_id: s.departmentId, disabled_at: null },
    { password_hash: passwordHash },
  );
  if (s.role === 'clerk')
    t.store.upsert('staff_cards', {
      id: s.id,
      hall_id: t.hallId,
      display_name: s.displayName ?? s.name,
      staff_no: s.staffNo ?? '',
      photo: null,
    });
  return staff;
}

/** How a sheet's natural keys become row ids: the hub's are stable where the key is (prefix, number). */
export interface SetupIds {
  zone(name: string): string;
  department(name: string): string;
  service(prefix: string): string;
  counter(number: number): string;
  staff(login: string): string;
}
export const hubIds = (hallId: string): SetupIds => ({
  zone: () => `${hallId}-z-${randomUUID()}`,
  department: () => `${hallId}-d-${randomUUID()}`,
  service: (prefix) => `${hallId}-s-${prefix}`,
  counter: (n) => `${hallId}-c-${String(n).padStart(2, '0')}`,
  staff: () => `${hallId}-u-${randomUUID()}`,
});

/**
 * Imports a setup sheet: rows whose key the hall has are updated, the rest added; nothing is
 * deleted. Every cross-row problem is reported at once and nothing is imported.
 */
export function importSheet(t: SetupTarget, sheet: HallSetupSheet, ids: SetupIds = hubIds(t.hallId)): ImportCounts {
  const idBy = <T extends { id: string }>(rows: T[], key: (r: T) => string | number) => new Map(rows.map((r) => [key(r), r.id]));
  const zones = idBy(t.store.all('zones'), (z) => z.name);
  const departments = idBy(t.store.all('departments'), (d) => d.name);
  const services = idBy(t.store.all('services'), (s) => s.prefix);
  const counters = idBy(t.store.all('counters'), (c) => c.number);
  const staff = idBy(t.store.all('staff'), (s) => s.login);
  const problems = setupProblems(sheet, {
    zones: new Set(zones.keys() as Iterable<string>),
    departments: new Set(departments.keys() as Iterable<string>),
    prefixes: new Set(services.keys() as Iterable<string>),
  });
  if (problems.length > 0) {
    // The page listed every problem before sending; the refusal says how many, and where the first is.
    const first = problems[0]!;
    throw refuse(sheetRefusals.file, { n: problems.length, first: `${sheetPlace(first)}：${first.message}` });
  }
  const counts = { zones: 0, departments: 0, services: 0, counters: 0, staff: 0 };
  const idOf = <K extends string | number>(map: Map<string | number, string>, key: K, make: (k: K) => string) => {
    const id = map.get(key) ?? make(key);
    map.set(key, id);
    return id;
  };
  if (sheet.hall) setIdentity(t, sheet.hall);
  sheet.zones.forEach((name, sort) => {
    saveZone(t, { zoneId: idOf(zones, name, ids.zone), name, sort });
    counts.zones++;
  });
  sheet.departments.forEach((name, sort) => {
    saveDepartment(t, { departmentId: idOf(departments, name, ids.department), name, sort });
    counts.departments++;
  });
  sheet.services.forEach(({ department, ...s }, sort) => {
    saveService(t, { ...s, serviceId: idOf(services, s.prefix, ids.service), departmentId: departments.get(department)!, sort });
    counts.services++;
  });
  for (const { services: prefixes, ...c } of sheet.counters) {
    saveCounter(t, { ...c, counterId: idOf(counters, c.number, ids.counter), serviceIds: prefixes.map((p) => services.get(p)!) });
    counts.counters++;
  }
  for (const s of sheet.staff) {
    const staffId = staff.get(s.login);
    const departmentId = s.department === null ? null : departments.get(s.department)!;
    if (staffId === undefined) {
      addStaff(t, { ...s, id: idOf(staff, s.login, ids.staff), departmentId }, NO_PASSWORD);
    } else {
      const old = t.store.get('staff', staffId)!;
      updateStaff(t, {
        staffId,
        name: s.name,
        role: s.role,
        departmentId,
        displayName: s.displayName,
        staffNo: s.staffNo,
        active: old.disabled_at === null,
      });
    }
    counts.staff++;
  }
  return counts;
}
