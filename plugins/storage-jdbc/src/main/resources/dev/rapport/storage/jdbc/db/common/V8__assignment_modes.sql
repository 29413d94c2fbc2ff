-- How each department hands out new tickets, and where its round robin stands.
ALTER TABLE departments ADD COLUMN assignment_mode VARCHAR DEFAULT 'MANUAL' NOT NULL;
ALTER TABLE departments ADD COLUMN turn BIGINT DEFAULT 0 NOT NULL;
-- Least-loaded assignment counts a department's open tickets per assignee.
CREATE INDEX tickets_department_status ON tickets (department_id, status);
