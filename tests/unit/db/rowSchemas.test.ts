import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { migrate } from '../../../main/db/open';
import { rowSchemas } from '../../../shared/protocol';

/**
 * Columns of replicated tables that stay on the hub: the store writes them as `extra` beside the
 * replicated row, and no feed entry, replica or terminal ever sees them.
 */
const hubOnlyColumns: Record<string, string[]> = {
  // Secrets and the sign-in lockout.
  staff: ['password_hash', 'failed_logins', 'locked_until'],
  terminals: ['token_hash', 'failed_confirms'],
  // A manager session's last command, for the idle timeout: written on every command, fed never.
  staff_sessions: ['active_at'],
  // The service whose prefix and sequence numbered the ticket: the hub's numbering, not the queue's.
  tickets: ['issued_service_id'],
  // The applicant's whole ID number (rows carry id_masked), and the daily sequence behind the case number.
  cases: ['id_number', 'number_day', 'number_seq'],
  // The same for a point's proxy cases (the whole number travels once, to the target hall, by command).
  proxy_cases: ['id_number', 'number_day', 'number_seq'],
  // The evaluator a rating came from, for the burst check.
  ratings: ['terminal_id'],
  followups: ['phone'],
  // 预约: who booked and the booking's code (the region counts the slots and states alone).
  bookings: ['code', 'name', 'id_masked', 'id_hash', 'phone'],
};

/** Tables no terminal replicates: hub bookkeeping, one-time codes (terminals' and ratings'), the audit log and the reports' daily aggregates. */
const hubOnlyTables = [
  'meta',
  'feed',
  'applied_ops',
  'audit',
  'enrollments',
  'rating_codes',
  'report_queue_days',
  'report_counter_days',
  'report_pause_days',
  'report_case_days',
  // The monthly report pack's attempts: files on the hub's PC.
  'report_packs',
  // Alert episodes of staff members, read by their archive.
  'staff_alerts',
  // 预约: the slips' follow tokens are the hub's alone.
  'follow_tokens',
  // A manager's lifting of a block names the person by their ID number's keyed hash.
  'booking_block_lifts',
  // The reviews of flagged ratings: the board reads them through ratings.flagged.
  'rating_reviews',
];

describe('row schemas', () => {
  const db = new Database(':memory:');
  migrate(db, hubMigrations);
  const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

  it.each(Object.entries(rowSchemas))('%s: the schema has exactly the table’s replicated columns', (table, schema) => {
    const replicated = columns(table).filter((c) => !hubOnlyColumns[table]?.includes(c));
    expect(Object.keys(schema.shape).sort()).toEqual(replicated.sort());
  });

  it('every hub table is either replicated or listed as the hub’s own', () => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual([...Object.keys(rowSchemas), ...hubOnlyTables].sort());
  });

  it('every replicated row names its hall, a key into halls (the halls row is the hall itself)', () => {
    const tables = Object.keys(rowSchemas).filter((t) => t !== 'halls');
    const hallKeys = (table: string) =>
      (db.pragma(`foreign_key_list(${table})`) as { from: string; table: string; to: string }[]).filter(
        (fk) => fk.from === 'hall_id' && fk.table === 'halls' && fk.to === 'id',
      );
    for (const table of tables) {
      expect(Object.keys(rowSchemas[table as keyof typeof rowSchemas].shape), table).toContain('hall_id');
      expect(hallKeys(table), table).toHaveLength(1);
      expect(db.pragma(`table_info(${table})`), table).toContainEqual(expect.objectContaining({ name: 'hall_id', notnull: 1 }));
    }
  });

  it('the hub-only columns exist', () => {
    for (const [table, hubOnly] of Object.entries(hubOnlyColumns)) expect(columns(table)).toEqual(expect.arrayContaining(hubOnly));
  });
});
