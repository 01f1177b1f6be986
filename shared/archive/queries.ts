import { z } from 'zod';
import type { QuerySpec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { TallyResult } from '../ratings/queries';
import { BadReason } from '../ratings/enums';
import { ComplaintChannel, ComplaintSubject } from '../complaints/enums';
import { archiveTables } from './rows';
import { StaffAlertKind } from './enums';
import { Month, ScoreRules } from './rules';

const int = z.number().int();

/** A staff member's month: the system's facts from the recorded rows, the managers' entries, and the score. */
export const ArchiveMonth = z.object({
  staffId: z.string(),
  month: z.string(),
  facts: z.object({
    /** The queue's tally of the entries this person called (queue/kpi Tally): sums and counts, means taken where shown. */
    queue: z.object({
      called: int,
      waitMs: int,
      withinTarget: int,
      started: int,
      finished: int,
      serviceMs: int,
      noShows: int,
      servingMs: int,
      signedInMs: int,
      /** Signed-in time − serving time (DOMAIN.md "Queue"). */
      idleMs: int,
      /** Open with nothing in hand while someone it could call waited (queue/kpi idleWhileWaitingMs). */
      idleWhileWaitingMs: int,
    }),
    pauses: z.array(z.object({ reason: z.string().nullable(), count: int, ms: int })),
    /** Cases received at their counter, and decided as the handler: on time, and the cards earned past the statutory limit. */
    cases: z.object({ received: int, decided: int, onTime: int, yellow: int, red: int }),
    ratings: TallyResult,
    /**
     * Complaints (效能投诉) naming them, received in the month: how many, how many found substantiated
     * (null while the follow-up is open), each by channel and subject, never its content or who complained.
     */
    complaints: z.object({
      received: int,
      substantiated: int,
      list: z.array(
        z.object({
          id: z.string(),
          channel: ComplaintChannel,
          subject: ComplaintSubject,
          receivedDay: z.string(),
          substantiated: z.boolean().nullable(),
        }),
      ),
    }),
    /** The board's alerts about them (their counter, while they were signed in), each episode counted once, by kind (staff_alerts). */
    alerts: z.record(StaffAlertKind, int),
    /** Their 差评 of the month: what was said, never who said it. */
    bad: z.array(
      z.object({ id: z.string(), at: int, level: int, reasons: z.array(BadReason), comment: z.string(), excluded: z.boolean() }),
    ),
  }),
  entries: z.array(archiveTables.archive_entries.row),
  /** The month scored now under the sheet's current version (as archive.scoreMonth would store it). */
  score: z.object({
    version: int,
    /** The sheet of that version: the faces name its sections and items from it. */
    rules: ScoreRules,
    total: int,
    sections: z.array(z.object({ code: z.string(), max: int, score: int })),
    lines: z.array(z.object({ source: z.string(), code: z.string(), section: z.string(), times: int, points: int })),
    unknown: z.array(z.string()),
  }),
  /** The scores stored for the month, one per version of the sheet used. */
  stored: z.array(z.object({ version: int, score: int, at: int })),
});
export type ArchiveMonth = z.infer<typeof ArchiveMonth>;

/** The month's stored scores by department, each staff member ranked within it (ties share a rank). */
export const ArchiveRanking = z.object({
  month: z.string(),
  /** The newest version of the sheet the month was scored under; null when it was not scored yet. */
  version: int.nullable(),
  departments: z.array(
    z.object({
      departmentId: z.string().nullable(),
      scored: int,
      /** Scored 100; lost points; entries contested and still pending. */
      full: int,
      deducted: int,
      contested: int,
      /** Complaints about the department or anyone or anything in it received in the month, and those found substantiated. */
      complaints: int,
      substantiatedComplaints: int,
      staff: z.array(z.object({ staffId: z.string(), score: int, rank: int })),
    }),
  ),
});
export type ArchiveRanking = z.infer<typeof ArchiveRanking>;

/** A staff member's alert now: its kind, the counter it is about and who is signed in there. */
export const StaffAlertNow = z.object({ kind: StaffAlertKind, counter_id: z.string(), staff_id: z.string() });
export type StaffAlertNow = z.infer<typeof StaffAlertNow>;

export const archiveQuerySpecs = {
  'archive.staffMonth': { params: z.strictObject({ staffId: entityId, month: Month }), result: ArchiveMonth, roles: ['manager'] },
  /** The clerk signed in at this counter reads their own month; null when nobody is signed in here. */
  'archive.mine': { params: z.strictObject({ month: Month }), result: ArchiveMonth.nullable(), roles: ['clerk'] },
  'archive.ranking': { params: z.strictObject({ month: Month }), result: ArchiveRanking, roles: ['manager'] },
  /**
   * The hub's own question (no terminal role may ask it): the board's staff alerts now, which the
   * hub's minute sweep records as episodes. Asked of the query worker, so that reading the day's
   * tickets and running the board's alert functions over them leaves the event loop to the calls.
   */
  'archive.staffAlertsNow': { params: z.strictObject({}), result: z.array(StaffAlertNow), roles: [] },
} as const satisfies Record<string, QuerySpec>;
