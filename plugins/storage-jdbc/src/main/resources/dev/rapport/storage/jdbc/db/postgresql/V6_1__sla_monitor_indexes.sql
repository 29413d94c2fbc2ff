-- Only tickets with a pending alarm or a running target are indexed: the scan and the monitor's lists stay cheap
-- however many tickets are closed.
CREATE INDEX tickets_sla_next_alarm ON tickets (sla_next_alarm_at) WHERE sla_next_alarm_at IS NOT NULL;
CREATE INDEX tickets_sla_due ON tickets (sla_due_at, id) WHERE sla_due_at IS NOT NULL;
CREATE INDEX users_department ON users (department_id, employee_id);
