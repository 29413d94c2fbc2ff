-- H2 has no partial indexes: lead with the state, so pending and dead rows are ranges however many are delivered.
CREATE INDEX deliveries_pending ON deliveries (state, subscriber, position);
CREATE INDEX deliveries_pending_subject ON deliveries (state, subscriber, subject_id, position);
CREATE INDEX deliveries_dead ON deliveries (state, id);
