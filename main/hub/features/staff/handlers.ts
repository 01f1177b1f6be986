import { refuse } from '../../../../shared/kernel/refusal';
import { passwordRefusal, staffRefusals } from '../../../../shared/staff/password';
import { parseSecuritySettings } from '../../../../shared/staff/settings';
import { type staffCommandSpecs } from '../../../../shared/staff/commands';
import { hashPassword } from '../../../kernel/credentials';
import { checkStaffPassword, notFound, sql, type FeatureHandlers } from '../../commands/context';
import { addStaff } from '../setup/apply';
import { endCounterSignIns } from '../counter/handlers';
import { endSessions, touchSession } from './sessions';

export const staffHandlers = {
  /**
   * Sessions at manager terminals: a wrong password counts toward the lockout like a counter sign-in.
   * A clerk's login answers as an unknown one, right password or not: the board tells nobody whether
   * they guessed a clerk's password.
   */
  'session.signIn': (ctx) => {
    const staffId = checkStaffPassword(ctx, ctx.payload.login, ctx.payload.password, 'managerSignIn', ['manager', 'admin']);
    const staff = ctx.store.get('staff', staffId)!;
    const session = ctx.store.upsert('staff_sessions', {
      id: ctx.caller.terminalId,
      hall_id: ctx.hallId,
      staff_id: staffId,
      started_at: ctx.now,
    });
    // A new session starts its idle time afresh, whatever the terminal's last session left.
    touchSession(ctx.store.db, ctx.caller.terminalId, ctx.now);
    return { session, staff };
  },
  'session.signOut': (ctx) => {
    endSessions(ctx.store, 'id', ctx.caller.terminalId);
    return {};
  },
  'staff.create': (ctx) => {
    const { staffId, login, name, role, departmentId, password } = ctx.payload;
    if (ctx.store.get('staff', staffId)) throw refuse(staffRefusals.duplicateId);
    if (sql(ctx, 'SELECT 1 FROM staff WHERE login = ?').get(login)) throw refuse(staffRefusals.loginTaken, { login });
    if (departmentId !== null && !ctx.store.get('departments', departmentId)) throw notFound('department');
    return { staff: addStaff(ctx, { id: staffId, login, name, role, departmentId }, hashPassword(password)) };
  },
  'staff.setPassword': (ctx) => {
    const staff = ctx.store.get('staff', ctx.payload.staffId);
    if (!staff) throw notFound('staff');
    const problem = passwordRefusal(ctx.payload.password, staff.login);
    if (problem) throw refuse(problem);
    sql(ctx, 'UPDATE staff SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?').run(
      hashPassword(ctx.payload.password),
      staff.id,
    );
    // Whoever signed in with the old password is signed out everywhere: at the board and at a counter.
    endSessions(ctx.store, 'staff_id', staff.id);
    endCounterSignIns(ctx, 'staff_id', staff.id, '密码已更改，签到结束');
    return { staff };
  },
  'hall.setSecuritySettings': (ctx) => {
    const merged = { ...parseSecuritySettings(ctx.store.get('halls', ctx.hallId)!.security_settings), ...ctx.payload };
    return { hall: ctx.store.patch('halls', ctx.hallId, { security_settings: JSON.stringify(merged) }) };
  },
} satisfies FeatureHandlers<typeof staffCommandSpecs>;
