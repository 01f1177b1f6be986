import { lazy } from 'react';
import type { TerminalRole } from '../../../shared/kernel/roles';

/**
 * The hall's faces by route (`#/display`). Each is its own chunk, loaded when the face opens: a
 * lobby display never downloads the manager's catalog import or the clerk's case screens.
 */
export const FACES = {
  clerk: lazy(() => import('../faces/clerk/ClerkFace')),
  display: lazy(() => import('../faces/display/DisplayFace')),
  evaluator: lazy(() => import('../faces/evaluator/EvaluatorFace')),
  kiosk: lazy(() => import('../faces/kiosk/KioskFace')),
  manager: lazy(() => import('../faces/manager/ManagerFace')),
} satisfies Partial<Record<TerminalRole, unknown>>;

export type FaceName = keyof typeof FACES;
export const isFace = (name: string): name is FaceName => Object.hasOwn(FACES, name);

/** The applicant's phone page for rating by code (`#/rate?code=…`): no terminal, no sign-in, its own small chunk. */
export const RatePage = lazy(() => import('../faces/rate/RatePage'));

/** The regional board (`#/region`), served by the regional server: supervisors sign in, no terminal. */
export const RegionBoard = lazy(() => import('../faces/region/RegionBoard'));

/** The applicant's booking page (`#/book`) and follow page (`#/follow?t=…`): no terminal, no sign-in, small chunks of their own. */
export const BookPage = lazy(() => import('../faces/book/BookPage'));
export const FollowPage = lazy(() => import('../faces/follow/FollowPage'));

/** Electron's own screen for this PC's terminal settings. */
export const SetupFace = lazy(() => import('../faces/setup/SetupFace'));
