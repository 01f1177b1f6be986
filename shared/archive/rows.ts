import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { ContestState, EntryKind } from './enums';

/**
 * The archive's tables: the managers' alone. A staff member reads their own archive by a query
 * (archive.mine), never by replication, so a clerk PC holds nobody's entries.
 */
export const archiveTables = {
  /** A dated, attributed entry about a staff member; its contest and the decision on it. */
  archive_entries: table(
    z.object({
      id,
      hall_id: id,
      staff_id: id,
      kind: EntryKind,
      day: z.string(),
      /** The score sheet's deduction item it takes points for, if any. */
      item: z.string().nullable(),
      times: z.number().int(),
      note: z.string(),
      by_id: id,
      at: ms,
      contest: ContestState.nullable(),
      contest_grounds: z.string().nullable(),
      contested_at: ms.nullable(),
      decided_by: id.nullable(),
      decided_at: ms.nullable(),
      decision_note: z.string().nullable(),
    }),
    { manager: 'all' },
  ),
  /** The score sheet's versions after the built-in version 1, as the administrator saved them (rules: JSON of ScoreRules). */
  score_rules: table(z.object({ id, hall_id: id, version: z.number().int(), rules: z.string(), by_id: id, at: ms }), { manager: 'all' }),
  /** A staff member's monthly score under one version of the sheet (detail: JSON of MonthScore). */
  archive_scores: table(
    z.object({
      id,
      hall_id: id,
      staff_id: id,
      month: z.string(),
      rules_version: z.number().int(),
      score: z.number().int(),
      detail: z.string(),
      by_id: id,
      at: ms,
    }),
    { manager: 'all' },
  ),
};
