import { readMigrations } from '../readMigrations';

/**
 * The hub database's migrations, oldest first; PRAGMA user_version holds how many are applied.
 * Append only: a shipped migration is never edited (tests/unit/db pins each file's hash), a new
 * one is the next numbered file, listed here. The statements keep their original text byte for
 * byte, indentation included, because SQLite stores each CREATE's text in sqlite_master.
 */
export const hubMigrations: readonly string[] = readMigrations(__filename, [
  '0001-hall-counters-staff-feed-audit.sql',
  '0002-queue-tickets-hall-days.sql',
  '0003-audit-chain-login-lockout.sql',
  '0004-terminal-enrollments.sql',
  '0005-cases-catalog-calendar.sql',
  '0006-staff-sessions.sql',
  '0007-cases-accepted-index.sql',
  '0008-counter-services-hall.sql',
  '0009-ticket-events-replicated.sql',
  '0010-limit-years-case-clocks.sql',
  '0011-service-interleave-call-alert.sql',
  '0012-audit-digest-session-activity-confirm-lockout.sql',
  '0013-hall-setup.sql',
  '0014-case-duties-issued-notices.sql',
  '0016-kiosk-search-call-announcements.sql',
  '0017-cases-id-number-index.sql',
  '0018-ratings.sql',
  '0023-region-terminal-role.sql',
  '0024-complaints-followup-assignee.sql',
  '0025-efficiency-archive.sql',
  '0026-report-days.sql',
  '0027-rating-codes.sql',
  '0031-bookings-follow.sql',
  '0032-report-packs.sql',
  '0033-staff-alerts.sql',
  '0034-booking-blackouts.sql',
  '0035-booking-block-lifts.sql',
  '0036-catalog-guide-steps.sql',
  '0039-region-documents.sql',
  '0040-booking-blackout-lifts.sql',
  '0041-queue-line-indexes.sql',
  '0042-proxy-cases.sql',
  '0043-staff-card-number.sql',
  '0044-rating-reviews.sql',
  '0045-bookings-to-region.sql',
  '0046-staff-card-number-public.sql',
]);
