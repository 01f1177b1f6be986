import { readMigrations } from '../../db/readMigrations';

/** The regional store's migrations (PostgreSQL), oldest first; append only, like the hall's. */
export const regionMigrations: readonly { name: string; sql: string }[] = ((names: string[]) =>
  readMigrations(__filename, names).map((sql, i) => ({ name: names[i]!, sql })))([
  '0001-halls-rows-changes.sql',
  '0002-nodes-supervisors.sql',
  '0003-documents.sql',
  '0004-region-report-days.sql',
  // 0005 was never shipped under that number: it landed after 0006 and is 0007.
  '0006-region-report-remakes.sql',
  '0007-proxy-routes.sql',
  '0008-region-booking-days.sql',
]);
