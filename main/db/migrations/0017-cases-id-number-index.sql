-- A clerk finds a person's cases by their whole ID number (cases.search): the hub alone holds it.
  CREATE INDEX cases_id_number ON cases(id_number) WHERE id_number IS NOT NULL;
