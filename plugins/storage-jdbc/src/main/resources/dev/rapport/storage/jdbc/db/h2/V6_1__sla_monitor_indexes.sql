-- H2 has no partial indexes; NULLs sort first, so the range conditions of the scan and the lists skip them.
CREATE INDEX tickets_sla_next_alarm ON tickets (sla_next_alarm_at);
CREATE INDEX tickets_sla_due ON tickets (sla_due_at, id);
CREATE INDEX users_department ON users (department_id, employee_id);
