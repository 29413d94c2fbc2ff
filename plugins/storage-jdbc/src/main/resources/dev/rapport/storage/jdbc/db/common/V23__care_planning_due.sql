-- The daily care planning reads only the customers whose next maintenance contact is due for planning, not every
-- customer: maintenance_due_on is the first day the planner must look at the customer again, kept on write (the day
-- after the contact it planned; tomorrow when it could not plan one; never for a merged customer). Existing customers
-- start due, so the first pass after this migration reads each once (their planned contacts are found by plan key).
ALTER TABLE customers ADD COLUMN maintenance_due_on DATE DEFAULT DATE '1970-01-01' NOT NULL;
CREATE INDEX customers_maintenance_due ON customers (maintenance_level, maintenance_due_on, id);
UPDATE customers SET maintenance_due_on = DATE '9999-12-31' WHERE merged_into IS NOT NULL;

-- One node per day does the care planning: the node holding the lease until held_until, renewed while it works;
-- done_on is the last day planned in full. A node that dies leaves the lease to run out, and another takes it over.
CREATE TABLE daily_leases (
    name       VARCHAR PRIMARY KEY,
    holder     VARCHAR,
    held_until TIMESTAMP WITH TIME ZONE,
    done_on    DATE
);
INSERT INTO daily_leases (name) VALUES ('care-planning');
