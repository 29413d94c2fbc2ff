-- The at-risk list filters on sla_warn_at while it walks sla_due_at: with the warning in the index, pages deep into
-- the list need no table reads for the tickets they skip (docs/benchmarks.md, "SLA engine").
CREATE INDEX tickets_sla_due_warn ON tickets (sla_due_at, id, sla_warn_at) WHERE sla_due_at IS NOT NULL;
DROP INDEX tickets_sla_due;
