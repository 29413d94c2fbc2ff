-- Reports (SPEC §7): the business-time wait for a ticket's first response, written when the response is recorded
-- (tickets answered before this version have none), and one index per time column a report window bounds.
ALTER TABLE tickets ADD COLUMN first_response_seconds BIGINT;
CREATE INDEX tickets_created_at ON tickets (created_at);
CREATE INDEX tickets_first_responded_at ON tickets (first_responded_at);
CREATE INDEX tickets_resolved_at ON tickets (resolved_at);
CREATE INDEX ticket_confirmations_recorded_at ON ticket_confirmations (recorded_at);
CREATE INDEX customers_created_at ON customers (created_at);
CREATE INDEX purchases_purchased_on ON purchases (purchased_on, customer_id);
