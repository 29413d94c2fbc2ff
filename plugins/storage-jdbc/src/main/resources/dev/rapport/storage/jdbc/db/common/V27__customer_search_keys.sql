-- Customer search keys: exact strings looked up by equality in one B-tree, each row carrying the order the tiers
-- sort by (the length of the customer's search name, then its code), so that a key many customers share is answered
-- by reading the first entries of the index in order rather than every match. Kinds:
--   W  a word of the name's search form (SearchText: a Latin word, or a pair of Chinese characters)
--   T  a Latin word of three letters or more of the name or a contact's name, and each of its one-letter deletions
--      when it has four or more (typos: a query word and a stored word one edit apart share one of these)
--   P  a reading the SDK computed (pinyin, full and initials), see CustomerStore.indexReadings
-- W and T rows are written by the storage with every insert and update (existing customers: migration 27.3);
-- P rows by the SDK, which fills the customers whose readings_indexed is false in the background. On PostgreSQL the
-- T and P keys are kept on the customer row instead (migration 27.2 there).
CREATE TABLE customer_search_keys (
    customer_id VARCHAR NOT NULL,
    kind        CHAR(1) NOT NULL,
    search_key  VARCHAR NOT NULL,
    name_length INT     NOT NULL,
    code        VARCHAR NOT NULL,
    PRIMARY KEY (customer_id, kind, search_key)
);
CREATE INDEX customer_search_keys_lookup ON customer_search_keys (kind, search_key, name_length, code);

ALTER TABLE customers ADD COLUMN readings_indexed BOOLEAN NOT NULL DEFAULT FALSE;
