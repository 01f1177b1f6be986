/**
 * The replicated tables' names, apart from their specs: the feed's schemas check names with this
 * list, so a page that reads the feed (the lobby display) need not load every feature's tables. The
 * registry checks at load, and the typecheck too, that it names exactly the registry's tables: a
 * feature adding a table adds its name here.
 */
export const TABLE_NAMES = [
  'halls',
  'zones',
  'departments',
  'services',
  'hall_days',
  'counters',
  'counter_services',
  'counter_log',
  'staff',
  'staff_cards',
  'staff_sessions',
  'inquiries',
  'terminals',
  'tickets',
  'ticket_events',
  'call_announcements',
  'catalog_items',
  'calendar_years',
  'cases',
  'case_parts',
  'case_events',
  'case_notices',
  'staff_duties',
  'rating_requests',
  'ratings',
  'complaints',
  'followups',
  'followup_events',
  'archive_entries',
  'score_rules',
  'archive_scores',
  'booking_templates',
  'booking_blackouts',
  'region_documents',
  'region_overrides',
  'proxy_cases',
] as const;
