-- The at-risk list filters on sla_warn_at while it walks sla_due_at: keep both in one index.
CREATE INDEX tickets_sla_due_warn ON tickets (sla_due_at, id, sla_warn_at);
DROP INDEX tickets_sla_due;
