-- Reports (SPEC §7): the business-time wait for a ticket's first response, written when the response is recorded
-- (tickets answered before this version have none), and one index per time column a report window bounds. Each
-- index also carries the columns its report reads, so that PostgreSQL answers a month from the index alone.
ALTER TABLE tickets ADD COLUMN first_response_seconds BIGINT;
CREATE INDEX tickets_created_at ON tickets (created_at, department_id, type, channel, priority, assignee_id);
CREATE INDEX tickets_first_responded_at ON tickets (first_responded_at, department_id, first_response_due,
                                                    first_response_seconds, type, priority, assignee_id);
CREATE INDEX tickets_resolved_at ON tickets (resolved_at, department_id, priority, created_at, first_responded_at,
                                             first_response_due, resolution_due, type, assignee_id);
CREATE INDEX ticket_confirmations_recorded_at ON ticket_confirmations (recorded_at, ticket_id, opinion);
CREATE INDEX customers_created_at ON customers (created_at, source, merged_into);
CREATE INDEX purchases_purchased_on ON purchases (purchased_on, customer_id);
