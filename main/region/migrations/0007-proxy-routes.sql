-- 全程代办 across levels (issue 15): the route of each proxy case the region carries, never the
-- applicant's data (that travels in commands only, from the point to the target hall). The target
-- is chosen once and kept, so a request sent again always reaches the same hall (the same case);
-- `told_at` says the point knows where it went; `pushed_version` is the target feed's seq of the
-- case row last told to the point, so a point away catches up on every step when it reconnects.
CREATE TABLE region_proxy_routes (
  proxy_id TEXT PRIMARY KEY,
  origin_hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  item_code TEXT NOT NULL,
  target_hall_id TEXT REFERENCES region_halls (hall_id),
  target_case_id TEXT,
  target_case_number TEXT,
  item_name TEXT,
  department_name TEXT,
  -- Why it came back before reaching a case (no hall above takes the item; the target refused to receive it).
  refusal_reason TEXT CHECK (refusal_reason IN ('no_target', 'not_received')),
  refusal_text TEXT,
  -- The decision at the target once seen (approved or denied): a later state (办结) is told with it.
  result TEXT CHECK (result IN ('approved', 'denied')),
  created_at BIGINT NOT NULL,
  routed_at BIGINT,
  told_at BIGINT,
  pushed_version BIGINT NOT NULL DEFAULT 0,
  CHECK (target_case_id IS NULL OR target_hall_id IS NOT NULL)
);
CREATE INDEX region_proxy_routes_target ON region_proxy_routes (target_hall_id, target_case_id);
CREATE INDEX region_proxy_routes_origin ON region_proxy_routes (origin_hall_id);
-- The proxy cases waiting at a point, found at every pass.
CREATE INDEX hall_rows_proxy_outbox ON hall_rows (hall_id) WHERE tbl = 'proxy_cases' AND row->>'status' = 'outbox';
