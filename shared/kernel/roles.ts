// zod/mini: every page loads the roles (the faces' words name them); kernel/zodMini says why.
import { z } from 'zod/mini';

/**
 * Who is at the other end. Every command, query and projection is decided by these: the kind of
 * terminal (a PC or screen enrolled at the hub) and, at a counter or the manager board, the staff
 * member signed in there.
 */
export const TERMINAL_ROLES = ['clerk', 'kiosk', 'display', 'evaluator', 'manager', 'region'] as const;
export const TerminalRole = z.enum(TERMINAL_ROLES);
export type TerminalRole = z.infer<typeof TerminalRole>;

/**
 * The roles a PC or screen of the hall shows as a face. The regional server (`region`) enrolls like
 * any terminal but is a server above the halls: no PC is set up as one.
 */
export const FACE_ROLES = ['clerk', 'kiosk', 'display', 'evaluator', 'manager'] as const satisfies readonly TerminalRole[];
export const FaceRole = z.enum(FACE_ROLES);
export type FaceRole = z.infer<typeof FaceRole>;

export const STAFF_ROLES = ['clerk', 'manager', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;
