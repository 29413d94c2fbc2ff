-- Fuzzy customer search and duplicate detection. The search columns hold the ASCII form of SearchText (written by
-- the storage with every customer, filled for existing ones by migration 3.1). H2 has no pg_trgm: the same
-- functions, computed the same way in Java, under the same names, so that both databases share the queries.
CREATE ALIAS IF NOT EXISTS SIMILARITY DETERMINISTIC FOR 'dev.rapport.storage.jdbc.search.Trigrams.similarity';
CREATE ALIAS IF NOT EXISTS WORD_SIMILARITY DETERMINISTIC FOR 'dev.rapport.storage.jdbc.search.Trigrams.wordSimilarity';

ALTER TABLE customers ADD COLUMN search_name VARCHAR NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN search_core VARCHAR NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN search_text VARCHAR NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN search_pii VARCHAR NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN email_key VARCHAR;
UPDATE contacts SET email_key = LOWER(email) WHERE email IS NOT NULL;

-- No trigram indexes in H2: searches read every customer, which is what an embedded database holds few enough of.
CREATE INDEX contacts_phone ON contacts (phone);
CREATE INDEX contacts_email_key ON contacts (email_key);
