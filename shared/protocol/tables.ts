import { z } from 'zod';
import { CASE_STATUSES } from '../domain/cases';

/**
 * The replicated tables: the rows a terminal may hold in its replica, and per terminal role the
 * columns it may see. Secrets (password and token hashes), applied ops and the audit log are
 * never replicated. Rows keep the database's snake_case column names so that the feed, the
 * replica and the hub's tables compare one to one.
 */

export const TerminalRole = z.enum(['clerk', 'kiosk', 'display', 'evaluator', 'manager']);
export type TerminalRole = z.infer<typeof TerminalRole>;

export const StaffRole = z.enum(['clerk', 'manager', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const CounterState = z.enum(['closed', 'open', 'paused']);
export type CounterState = z.infer<typeof CounterState>;

const id = z.string().min(1).max(64);
const ms = z.number().int();

export const rowSchemas = {
  halls: z.object({
    id,
    code: z.string(),
    name: z.string(),
    notice: z.string(),
    queue_settings: z.string(),
    security_settings: z.string(),
    case_settings: z.string(),
  }),
  departments: z.object({ id, hall_id: id, name: z.string(), sort: z.number().int() }),
  services: z.object({
    id,
    hall_id: id,
    department_id: id,
    name: z.string(),
    prefix: z.string(),
    sort: z.number().int(),
    is_open: z.number().int(),
    daily_cap: z.number().int().nullable(),
    max_wait_min: z.number().int(),
    max_service_min: z.number().int(),
    queue_cap: z.number().int(),
  }),
  counters: z.object({
    id,
    hall_id: id,
    number: z.number().int(),
    name: z.string(),
    zone: z.string(),
    state: CounterState,
    staff_id: id.nullable(),
    terminal_id: id.nullable(),
    pause_reason: z.string().nullable(),
    state_since: ms.nullable(),
    last_seen_at: ms.nullable(),
    profile: z.enum(['ordered', 'longest_wait']),
    priority_streak: z.number().int(),
  }),
  counter_services: z.object({ id, counter_id: id, service_id: id, position: z.number().int() }),
  staff: z.object({
    id,
    hall_id: id,
    login: z.string(),
    name: z.string(),
    role: StaffRole,
    department_id: id.nullable(),
  }),
  counter_log: z.object({
    id,
    hall_id: id,
    counter_id: id,
    staff_id: id.nullable(),
    event: z.enum(['sign_in', 'pause', 'resume', 'sign_out']),
    reason: z.string().nullable(),
    at: ms,
  }),
  inquiries: z.object({
    id,
    hall_id: id,
    counter_id: id.nullable(),
    staff_id: id,
    topic: z.string(),
    detail: z.string(),
    status: z.enum(['open', 'resolved']),
    resolution: z.string().nullable(),
    created_at: ms,
    resolved_at: ms.nullable(),
  }),
  hall_days: z.object({ id, hall_id: id, day: z.string(), closed_at: ms.nullable() }),
  /** The terminals of the hall (their token hashes never leave the hub). */
  terminals: z.object({
    id,
    hall_id: id,
    role: TerminalRole,
    name: z.string(),
    counter_id: id.nullable(),
    zone: z.string(),
    created_at: ms,
    revoked_at: ms.nullable(),
  }),
  tickets: z.object({
    id,
    hall_id: id,
    day: z.string(),
    service_id: id,
    seq: z.number().int(),
    number: z.string(),
    priority: z.enum(['normal', 'green', 'major', 'appointment']),
    status: z.enum(['waiting', 'called', 'serving', 'parked', 'missed', 'finished', 'no_show', 'cancelled']),
    queue_key: z.number(),
    issued_at: ms,
    called_at: ms.nullable(),
    first_called_at: ms.nullable(),
    started_at: ms.nullable(),
    finished_at: ms.nullable(),
    counter_id: id.nullable(),
    target_counter_id: id.nullable(),
    staff_id: id.nullable(),
    recalls: z.number().int(),
    park_until: ms.nullable(),
    end_reason: z.string().nullable(),
    handled_services: z.string().nullable(),
    call_reason: z.string().nullable(),
  }),
  /** The service catalog (事项目录); `materials` is a JSON array of the required materials. */
  catalog_items: z.object({
    id,
    hall_id: id,
    department_id: id,
    code: z.string(),
    name: z.string(),
    kind: z.enum(['licensing', 'non_licensing', 'public']),
    mode: z.enum(['instant', 'promised']),
    statutory_limit: z.number().int(),
    promised_limit: z.number().int(),
    limit_unit: z.enum(['working_days', 'natural_days', 'months']),
    fee_cents: z.number().int(),
    materials: z.string(),
    legal_basis: z.string(),
    service_id: id.nullable(),
    active: z.number().int(),
  }),
  /** One year of the working-day calendar: official days off and working weekend days (JSON arrays). */
  calendar_years: z.object({
    id,
    hall_id: id,
    year: z.number().int(),
    source: z.enum(['package', 'admin']),
    holidays: z.string(),
    workdays: z.string(),
  }),
  /**
   * Cases (办件). The applicant's full ID number never leaves the hub: rows carry it masked, and
   * revealing it is a command of its own (audited). Days are hall-local 'YYYY-MM-DD'.
   */
  cases: z.object({
    id,
    hall_id: id,
    number: z.string(),
    item_id: id,
    department_id: id,
    ticket_id: id.nullable(),
    counter_id: id.nullable(),
    status: z.enum(CASE_STATUSES),
    applicant_type: z.enum(['person', 'enterprise']),
    applicant_name: z.string(),
    id_masked: z.string().nullable(),
    credit_code: z.string().nullable(),
    phone: z.string(),
    agent_name: z.string().nullable(),
    first_clerk_id: id,
    green: z.number().int(),
    materials_received: z.string(),
    materials_missing: z.string(),
    supplement_count: z.number().int(),
    received_at: ms,
    accepted_at: ms.nullable(),
    accepted_day: z.string().nullable(),
    handler_id: id.nullable(),
    reviewer_id: id.nullable(),
    approver_id: id.nullable(),
    decided_at: ms.nullable(),
    concluded_at: ms.nullable(),
    delivered_at: ms.nullable(),
    statutory_limit: z.number().int(),
    promised_limit: z.number().int(),
    limit_unit: z.enum(['working_days', 'natural_days', 'months']),
    promised_due: z.string().nullable(),
    statutory_due: z.string().nullable(),
    yellow_from: z.string().nullable(),
    calendar_warning: z.string(),
    paused_kind: z.enum(['suspend', 'special']).nullable(),
    paused_since: z.string().nullable(),
    paused_days: z.number().int(),
    extension_days: z.number().int(),
    extension_reason: z.string().nullable(),
    extension_approver_id: id.nullable(),
    decision_reason: z.string().nullable(),
    used_days: z.number().int().nullable(),
    on_time: z.number().int().nullable(),
    updated_at: ms,
  }),
  /** 联审联批: one department's part of a joint case, with its own limit and due day. */
  case_parts: z.object({
    id,
    hall_id: id,
    case_id: id,
    department_id: id,
    limit_days: z.number().int(),
    due_day: z.string().nullable(),
    outcome: z.enum(['pending', 'approved', 'denied']),
    note: z.string().nullable(),
    decided_at: ms.nullable(),
    decided_day: z.string().nullable(),
    decided_by: id.nullable(),
  }),
  /** Who is signed in at a manager terminal (id = the terminal's id); staff_id null once signed out. */
  staff_sessions: z.object({ id, hall_id: id, staff_id: id.nullable(), started_at: ms.nullable() }),
  /** Each step of a case: who did what, when (责任倒查). */
  case_events: z.object({ id, hall_id: id, case_id: id, action: z.string(), staff_id: id.nullable(), at: ms, detail: z.string() }),
} as const;

export type TableName = keyof typeof rowSchemas;
export const TableName = z.enum(Object.keys(rowSchemas) as [TableName, ...TableName[]]);
export type Row<T extends TableName> = z.infer<(typeof rowSchemas)[T]>;
export type AnyRow = { id: string } & Record<string, unknown>;

type Projection = { readonly [T in TableName]?: readonly (keyof Row<T> & string)[] };

const all = <T extends TableName>(t: T) => Object.keys(rowSchemas[t].shape) as (keyof Row<T> & string)[];

/** Public terminals (kiosk, display, evaluator) see the hall's structure and counter states only. */
const publicProjection: Projection = {
  halls: all('halls'),
  departments: all('departments'),
  services: all('services'),
  counters: ['id', 'hall_id', 'number', 'name', 'zone', 'state', 'state_since'],
  counter_services: all('counter_services'),
  hall_days: all('hall_days'),
  // Tickets carry no personal data, but who served them and why stays with staff.
  tickets: [
    'id',
    'hall_id',
    'day',
    'service_id',
    'number',
    'status',
    'queue_key',
    'issued_at',
    'called_at',
    'counter_id',
    'target_counter_id',
    'recalls',
    'park_until',
  ],
};

const clerkProjection: Projection = {
  halls: all('halls'),
  departments: all('departments'),
  services: all('services'),
  counters: all('counters'),
  counter_services: all('counter_services'),
  staff: all('staff'),
  counter_log: all('counter_log'),
  inquiries: all('inquiries'),
  hall_days: all('hall_days'),
  tickets: all('tickets'),
  catalog_items: all('catalog_items'),
  calendar_years: all('calendar_years'),
  cases: all('cases'),
  case_parts: all('case_parts'),
  case_events: all('case_events'),
};

/** Managers also see the hall's terminals (to enroll and revoke them) and the managers' sessions. */
const managerProjection: Projection = { ...clerkProjection, terminals: all('terminals'), staff_sessions: all('staff_sessions') };

export const projections: Readonly<Record<TerminalRole, Projection>> = {
  kiosk: publicProjection,
  display: publicProjection,
  evaluator: publicProjection,
  clerk: clerkProjection,
  manager: managerProjection,
};

/** The row as `role` may see it, or null when the role may not see the table at all. */
export function projectRow(role: TerminalRole, table: TableName, row: AnyRow): AnyRow | null {
  const columns = projections[role][table] as readonly string[] | undefined;
  if (!columns) return null;
  const out: AnyRow = { id: row.id };
  for (const c of columns) out[c] = row[c];
  return out;
}
