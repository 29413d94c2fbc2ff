-- Only undelivered rows are indexed, so the relay's query stays cheap however long the delivered history grows.
CREATE INDEX outbox_undelivered ON outbox (position) WHERE NOT delivered;
