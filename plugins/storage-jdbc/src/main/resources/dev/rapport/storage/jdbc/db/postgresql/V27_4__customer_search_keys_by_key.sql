-- Nothing on PostgreSQL: its typo keys and readings are on the customer row, looked up through its GIN index; this
-- version adds an index of the keys' rows on H2, which finds them through customer_search_keys.
SELECT 1;
