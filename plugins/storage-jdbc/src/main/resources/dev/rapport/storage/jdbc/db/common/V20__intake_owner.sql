-- Who filed a ticket for the customer, and their department then (issue 16: front-line ownership of the customer).
-- Tickets from channels and from the host itself have no intake owner.
ALTER TABLE tickets ADD COLUMN intake_owner_id VARCHAR;
ALTER TABLE tickets ADD COLUMN intake_department_id VARCHAR;

-- Tickets filed before this migration: their author, when the author is a user, is their intake owner.
UPDATE tickets SET intake_owner_id = created_by
 WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = tickets.created_by);
UPDATE tickets SET intake_department_id = (SELECT u.department_id FROM users u WHERE u.id = tickets.intake_owner_id)
 WHERE intake_owner_id IS NOT NULL;

-- "Which customers does this front line serve" reads these, ending with the customer the answer is about.
CREATE INDEX tickets_intake_owner ON tickets (intake_owner_id, customer_id);
CREATE INDEX tickets_intake_department ON tickets (intake_department_id, customer_id);
