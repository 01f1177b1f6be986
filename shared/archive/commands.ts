import { z } from 'zod';
import { parseDay } from '../calendar/rules';
import { spec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { EntryKind } from './enums';
import { archiveTables } from './rows';
import { Month, ScoreRules } from './rules';

const entry = z.object({ entry: archiveTables.archive_entries.row });
const note = z.string().trim().max(500);
const onBoard = { roles: ['manager'], offline: false } as const;

export const archiveCommandSpecs = {
  /** A manager's entry in a staff member's archive: dated, attributed to who is signed in, audited like every command. */
  'archive.addEntry': spec({
    payload: z.strictObject({
      staffId: entityId,
      kind: EntryKind,
      day: z.string().refine((d) => parseDay(d) !== null, '日期应为 YYYY-MM-DD'),
      item: z.string().max(32).nullable(),
      times: z.number().int().min(1).max(31),
      note: note.min(1, '请写明记录内容'),
    }),
    result: entry,
    ...onBoard,
  }),
  /** The staff member the entry is about disputes it (once): at their counter, or at the board when they are a manager. */
  'archive.contest': spec({
    payload: z.strictObject({ entryId: entityId, grounds: note.min(1, '请写明异议理由') }),
    result: entry,
    roles: ['clerk', 'manager'],
    offline: false,
  }),
  /** A manager other than the contesting staff member decides: upheld, the entry stays on record and stops counting. */
  'archive.decideContest': spec({
    payload: z.strictObject({ entryId: entityId, upheld: z.boolean(), note: note.min(1, '请写明处理意见') }),
    result: entry,
    ...onBoard,
  }),
  /** The administrator saves the score sheet as its next version; scores already stored keep theirs. */
  'archive.setRules': spec({
    payload: z.strictObject({ rules: ScoreRules }),
    result: z.object({ version: z.number().int() }),
    ...onBoard,
    staffRoles: ['admin'],
  }),
  /** Scores the month for every active window clerk (and anyone with entries) under the sheet's current version. */
  'archive.scoreMonth': spec({
    payload: z.strictObject({ month: Month }),
    result: z.object({ version: z.number().int(), scored: z.number().int() }),
    ...onBoard,
  }),
} as const;
