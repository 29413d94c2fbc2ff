-- On PostgreSQL the typo keys and readings (kinds T and P of customer_search_keys) live on the customer row instead,
-- each prefixed with its kind ("T:brighway", "P:xinghe"), under one GIN index: a GIN posting list costs a byte or two
-- per customer where a B-tree row costs some 200 bytes, and a customer has about fifty such keys. Only the words
-- (kind W) and the readings of two letters (initials such as xh), which common queries walk in order, stay in the
-- B-tree of customer_search_keys.
ALTER TABLE customers ADD COLUMN search_keys TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX customers_search_keys ON customers USING gin (search_keys);

-- The customers whose readings the SDK has yet to fill: empty once the backfill is done, so it costs nothing after.
CREATE INDEX customers_readings_lacking ON customers (id) WHERE NOT readings_indexed;
