import { z } from 'zod';
import { Done, spec } from '../kernel/command';
import { ruleRefusals } from '../kernel/sheetProblem';
import { StaffRole } from '../kernel/roles';
import { entityId, text } from '../kernel/zod';
import { counterTables } from '../counter/rows';
import { hallResult } from '../hall/commands';
import { hallTables } from '../hall/rows';
import { staffTables } from '../staff/rows';
import { counterFields, HallIdentity, HallSetupSheet, hoursInOrder, serviceFields, StaffNo } from './sheet';

/**
 * The hall's setup as the administrator makes it on the board (and as the setup sheet imports it):
 * the hall itself, zones, departments, queue services, counters and staff. Every change is checked
 * against running work: what would break it is refused with the reason, and nothing changes.
 */

const ADMIN = ['admin'] as const;
const admin = { roles: ['manager'], offline: false, staffRoles: ADMIN } as const;

const sort = z.number().int().min(0).max(9999);

export const ServiceDefinition = z
  .strictObject({ ...serviceFields, serviceId: entityId, departmentId: entityId, sort })
  .refine(...hoursInOrder);
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;

export const CounterDefinition = z.strictObject({
  ...counterFields,
  counterId: entityId,
  /** The services it serves, in its work-profile order. */
  serviceIds: z
    .array(entityId)
    .min(1, ruleRefusals.counterServices.zh)
    .max(30)
    .refine((ids) => new Set(ids).size === ids.length, ruleRefusals.repeated.zh),
});
export type CounterDefinition = z.infer<typeof CounterDefinition>;

/** A staff photo for the evaluator: a small image as a data URL (the board scales it down first). */
export const StaffPhoto = z
  .string()
  .max(96_000, ruleRefusals.photo.zh)
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/, ruleRefusals.photo.zh);

export const StaffUpdate = z.strictObject({
  staffId: entityId,
  name: text(40),
  role: StaffRole,
  departmentId: entityId.nullable(),
  displayName: text(40),
  /** The public 工号 on the evaluator (StaffNo), absent to keep it. */
  staffNo: StaffNo.optional(),
  /** A new photo, null to remove it, absent to keep it. */
  photo: StaffPhoto.nullable().optional(),
  active: z.boolean(),
});
export type StaffUpdate = z.infer<typeof StaffUpdate>;

/** How many rows of each kind an import created or changed. */
export const ImportCounts = z.object({
  zones: z.number().int(),
  departments: z.number().int(),
  services: z.number().int(),
  counters: z.number().int(),
  staff: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const setupCommandSpecs = {
  'hall.setIdentity': spec({ payload: HallIdentity, result: hallResult, ...admin }),
  'zone.save': spec({
    payload: z.strictObject({ zoneId: entityId, name: text(20), sort }),
    result: z.object({ zone: hallTables.zones.row }),
    ...admin,
  }),
  'zone.remove': spec({ payload: z.strictObject({ zoneId: entityId }), result: Done, ...admin }),
  'department.save': spec({
    payload: z.strictObject({ departmentId: entityId, name: text(40), sort }),
    result: z.object({ department: hallTables.departments.row }),
    ...admin,
  }),
  'department.remove': spec({ payload: z.strictObject({ departmentId: entityId }), result: Done, ...admin }),
  'service.save': spec({ payload: ServiceDefinition, result: z.object({ service: hallTables.services.row }), ...admin }),
  'service.remove': spec({ payload: z.strictObject({ serviceId: entityId }), result: Done, ...admin }),
  'counter.save': spec({ payload: CounterDefinition, result: z.object({ counter: counterTables.counters.row }), ...admin }),
  'counter.remove': spec({ payload: z.strictObject({ counterId: entityId }), result: Done, ...admin }),
  'staff.update': spec({
    payload: StaffUpdate,
    result: z.object({ staff: staffTables.staff.row, card: staffTables.staff_cards.row.nullable() }),
    ...admin,
    maxBytes: 128 * 1024,
  }),
  /** The whole setup sheet at once: everything or, with any problem, nothing. */
  'setup.import': spec({
    payload: z.strictObject({ sheet: HallSetupSheet }),
    result: z.object({ counts: ImportCounts }),
    ...admin,
    maxBytes: 1024 * 1024,
  }),
} as const;
