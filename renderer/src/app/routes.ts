import { lazy } from 'react';
import { withAllWords } from '../i18n';
import type { TerminalRole } from '../../../shared/kernel/roles';

/**
 * The hall's faces by route (`#/display`). Each is its own chunk, loaded when the face opens: a
 * lobby display never downloads the manager's catalog import or the clerk's case screens.
 */
export const FACES = {
  clerk: lazy(() => withAllWords(import('../faces/clerk/ClerkFace'))),
  display: lazy(() => import('../faces/display/DisplayFace')),
  evaluator: lazy(() => withAllWords(import('../faces/evaluator/EvaluatorFace'))),
  kiosk: lazy(() => withAllWords(import('../faces/kiosk/KioskFace'))),
  manager: lazy(() => withAllWords(import('../faces/manager/ManagerFace'))),
} satisfies Partial<Record<TerminalRole, unknown>>;

export type FaceName = keyof typeof FACES;
export const isFace = (name: string): name is FaceName => Object.hasOwn(FACES, name);

/** The applicant's phone page for rating by code (`#/rate?code=…`): no terminal, no sign-in, its own small chunk. */
export const RatePage = lazy(() => withAllWords(import('../faces/rate/RatePage')));

/** The regional board (`#/region`), served by the regional server: supervisors sign in, no terminal. */
export const RegionBoard = lazy(() => withAllWords(import('../faces/region/RegionBoard')));

/** The applicant's booking page (`#/book`) and follow page (`#/follow?t=…`): no terminal, no sign-in, small chunks of their own. */
export const BookPage = lazy(() => withAllWords(import('../faces/book/BookPage')));
export const FollowPage = lazy(() => withAllWords(import('../faces/follow/FollowPage')));

/** Electron's own screen for this PC's terminal settings. */
export const SetupFace = lazy(() => withAllWords(import('../faces/setup/SetupFace')));
