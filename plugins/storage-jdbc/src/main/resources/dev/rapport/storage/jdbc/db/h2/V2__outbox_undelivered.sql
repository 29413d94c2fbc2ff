-- H2 has no partial indexes: lead with the flag so "WHERE NOT delivered ORDER BY position" is a range scan.
CREATE INDEX outbox_undelivered ON outbox (delivered, position);
