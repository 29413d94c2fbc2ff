-- Typo keys and readings looked up by the key itself: H2 answers "search_key IN (...)" after an equal kind by reading
-- every key of the kind, but an IN list on an index's first column as one lookup per key.
CREATE INDEX customer_search_keys_by_key ON customer_search_keys (search_key, kind);
