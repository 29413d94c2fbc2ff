-- Only pending and dead rows are indexed: claims and the dead-letter list stay cheap however long the delivered
-- history grows. The subject index answers "is an earlier event of this subject still pending?".
CREATE INDEX deliveries_pending ON deliveries (subscriber, position) WHERE state = 'PENDING';
CREATE INDEX deliveries_pending_subject ON deliveries (subscriber, subject_id, position) WHERE state = 'PENDING';
CREATE INDEX deliveries_dead ON deliveries (id) WHERE state = 'DEAD';
