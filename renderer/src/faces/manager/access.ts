import type { CommandSpec } from '../../../../shared/kernel/command';
import type { StaffRole } from '../../../../shared/kernel/roles';
import { commandSpecs, type CommandType } from '../../../../shared/protocol';

/** Who may see a part of the manager board: the staff roles signed in. */
export interface Gated {
  staffRoles: readonly StaffRole[];
}

/** A manager terminal acts for a hall manager or the administrator. */
export const MANAGERS: readonly StaffRole[] = ['manager', 'admin'];

/** The staff roles the hub lets send `type` from a manager terminal: the board shows a part to exactly those. */
export function whoMay(type: CommandType): readonly StaffRole[] {
  const spec: CommandSpec = commandSpecs[type];
  return spec.staffRoles ?? MANAGERS;
}

export const allows = (part: Gated, role: StaffRole): boolean => part.staffRoles.includes(role);
