import { z } from 'zod';
import { Done, spec } from '../kernel/command';
import { StaffRole } from '../kernel/roles';
import { entityId, password, text } from '../kernel/zod';
import { hallResult } from '../hall/commands';
import { staffLogin } from '../setup/sheet';
import { staffTables } from './rows';
import { NewPassword, passwordProblem, staffRefusals } from './password';
import { SecuritySettingsSchema } from './settings';

const ADMIN = ['admin'] as const;
const staffResult = z.object({ staff: staffTables.staff.row });

export const staffCommandSpecs = {
  /** A manager or administrator signs in at a manager terminal; the session is bound to that terminal. */
  'session.signIn': spec({
    payload: z.strictObject({ login: text(64), password }),
    result: z.object({ session: staffTables.staff_sessions.row, staff: staffTables.staff.row }),
    roles: ['manager'],
    offline: false,
  }),
  'session.signOut': spec({ payload: z.strictObject({}), result: Done, roles: ['manager'], offline: false }),
  /** The administrator adds a staff member with a first password (staff change it with their administrator). */
  'staff.create': spec({
    payload: z
      .strictObject({
        staffId: entityId,
        login: staffLogin,
        name: text(40),
        role: StaffRole,
        departmentId: entityId.nullable(),
        password: NewPassword,
      })
      .refine((p) => passwordProblem(p.password, p.login) === null, {
        message: staffRefusals.passwordHasLogin.zh,
        path: ['password'],
        params: { refusal: staffRefusals.passwordHasLogin.reason },
      }),
    result: staffResult,
    roles: ['manager'],
    offline: false,
    staffRoles: ADMIN,
  }),
  /** A new password (and the lockout lifted) for a staff member who forgot theirs. */
  'staff.setPassword': spec({
    payload: z.strictObject({ staffId: entityId, password: NewPassword }),
    result: staffResult,
    roles: ['manager'],
    offline: false,
    staffRoles: ADMIN,
  }),
  'hall.setSecuritySettings': spec({
    payload: SecuritySettingsSchema.partial(),
    result: hallResult,
    roles: ['manager'],
    offline: false,
    staffRoles: ADMIN,
  }),
} as const;
