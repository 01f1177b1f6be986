-- 效能投诉 and who works a follow-up. A complaint (hotline, mailbox, web, in person) about a
-- department, a counter, a member of staff or a case opens a follow-up like a 差评 does: a follow-up
-- now comes from a rating or from a complaint, never both; it is assigned to the responsible
-- department's head or else a manager, and may be reassigned (an 'assign' step). The applicant's or
-- complainant's phone for the callback is kept whole on the hub alone (phone) and travels masked;
-- each reveal is audited and counted, on an index of its own.
  CREATE TABLE complaints (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    channel TEXT NOT NULL CHECK (channel IN ('hotline','mailbox','web','in_person')),
    subject TEXT NOT NULL CHECK (subject IN ('department','counter','staff','case')),
    department_id TEXT REFERENCES departments(id), counter_id TEXT REFERENCES counters(id),
    staff_id TEXT REFERENCES staff(id), case_id TEXT REFERENCES cases(id),
    content TEXT NOT NULL, received_day TEXT NOT NULL, recorded_at INTEGER NOT NULL,
    recorded_by TEXT REFERENCES staff(id),
    -- Decided when its follow-up closes.
    substantiated INTEGER CHECK (substantiated IN (0, 1)),
    CHECK (subject <> 'department' OR department_id IS NOT NULL),
    CHECK (subject <> 'counter' OR counter_id IS NOT NULL),
    CHECK (subject <> 'staff' OR staff_id IS NOT NULL),
    CHECK (subject <> 'case' OR case_id IS NOT NULL)
  );
  CREATE INDEX complaints_received ON complaints(received_day);
  ALTER TABLE followups ADD COLUMN complaint_id TEXT REFERENCES complaints(id)
    CHECK ((complaint_id IS NULL) <> (rating_id IS NULL));
  ALTER TABLE followups ADD COLUMN assignee_id TEXT REFERENCES staff(id);
  ALTER TABLE followups ADD COLUMN phone_masked TEXT;
  -- Never replicated: followup.revealPhone shows it, audited.
  ALTER TABLE followups ADD COLUMN phone TEXT CHECK ((phone IS NULL) = (phone_masked IS NULL));
  CREATE INDEX followups_complaint ON followups(complaint_id) WHERE complaint_id IS NOT NULL;
  CREATE INDEX followups_assignee ON followups(assignee_id) WHERE status <> 'closed';
  -- Follow-ups already open go to their department's head unless the head was the one rated, else to a manager.
  UPDATE followups SET assignee_id = coalesce(
    (SELECT d.head_staff_id FROM departments d WHERE d.id = followups.department_id AND d.head_staff_id IS NOT followups.staff_id),
    (SELECT s.id FROM staff s WHERE s.hall_id = followups.hall_id AND s.role = 'manager' AND s.disabled_at IS NULL ORDER BY s.id LIMIT 1));
  CREATE TABLE followup_events_v2 (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), followup_id TEXT NOT NULL REFERENCES followups(id),
    action TEXT NOT NULL CHECK (action IN ('open','verify','fix','callback','close','appeal','uphold','reject','assign')),
    staff_id TEXT REFERENCES staff(id), at INTEGER NOT NULL, note TEXT NOT NULL DEFAULT ''
  );
  INSERT INTO followup_events_v2 SELECT id, hall_id, followup_id, action, staff_id, at, note FROM followup_events;
  DROP TABLE followup_events;
  ALTER TABLE followup_events_v2 RENAME TO followup_events;
  CREATE INDEX followup_events_of ON followup_events(followup_id);
  CREATE INDEX audit_phone_reveals ON audit(staff_id, at) WHERE type = 'followup.revealPhone' AND outcome = 'ok';
  -- Replicas hold follow-ups without the new columns: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
