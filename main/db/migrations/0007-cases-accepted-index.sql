-- Today's dashboard counts cases accepted today, whatever became of them since.
  CREATE INDEX cases_accepted ON cases(accepted_at) WHERE accepted_at IS NOT NULL;
