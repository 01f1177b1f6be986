import type { PackAttempt, PackStatus } from '../../../../shared/reports/queries';
import { prepared, type ReadonlyDb } from '../../readonlyDb';

/** The newest attempts the board lists. */
const RECENT = 12;

interface PackRow {
  month: string;
  files: string;
  attempted_at: number;
  written_at: number | null;
  error: string | null;
}

const attempt = (r: PackRow): PackAttempt => ({
  month: r.month,
  files: JSON.parse(r.files) as string[],
  attemptedAt: r.attempted_at,
  writtenAt: r.written_at,
  error: r.error,
});

/** The monthly packs' record (report_packs, written by ./monthlyPack): the newest attempts, and a failure no pack has followed. */
export function packStatus(db: ReadonlyDb): PackStatus {
  const recent = (prepared(db, 'SELECT * FROM report_packs ORDER BY id DESC LIMIT ?').all(RECENT) as PackRow[]).map(attempt);
  const newest = recent[0];
  const written =
    newest?.error != null &&
    prepared(db, 'SELECT 1 FROM report_packs WHERE month = ? AND written_at IS NOT NULL').get(newest.month) !== undefined;
  return { recent, failing: newest && newest.error !== null && !written ? newest : null };
}
