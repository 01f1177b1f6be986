import { readMigrations } from '../../db/readMigrations';

/**
 * The migrations of a terminal's local replica, oldest first (see main/db/migrations for the
 * rules: numbered files, append only).
 */
export const replicaMigrations: readonly string[] = readMigrations(__filename, ['0001-replica-rows-outbox.sql']);
