-- A person's cases are found by their whole ID number (case.findByIdNumber): the hub alone holds it.
  CREATE INDEX cases_id_number ON cases(id_number) WHERE id_number IS NOT NULL;
-- Such a search that found a case is a reveal: counted per person and day, as case.revealId's are.
  CREATE INDEX audit_id_searches ON audit(staff_id, at) WHERE type = 'case.findByIdNumber' AND outcome = 'ok';
