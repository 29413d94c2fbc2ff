-- Fuzzy customer search and duplicate detection. The search columns hold the ASCII form of SearchText (written by
-- the storage with every customer, filled for existing ones by migration 3.1); pg_trgm indexes them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE customers ADD COLUMN search_name VARCHAR NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN search_core VARCHAR NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN search_text VARCHAR NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN search_pii VARCHAR NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN email_key VARCHAR;
UPDATE contacts SET email_key = LOWER(email) WHERE email IS NOT NULL;

-- GIN rather than GiST: searches filter by trigrams and sort what matches; they never walk an index in similarity
-- order, GiST's one advantage, and GIN answers LIKE, % and <% faster.
CREATE INDEX customers_search_text ON customers USING gin (search_text gin_trgm_ops);
CREATE INDEX customers_search_pii ON customers USING gin (search_pii gin_trgm_ops);
CREATE INDEX customers_search_core ON customers USING gin (search_core gin_trgm_ops);
CREATE INDEX customers_code_trigrams ON customers USING gin (code gin_trgm_ops);
CREATE INDEX contacts_phone ON contacts (phone);
CREATE INDEX contacts_email_key ON contacts (email_key);
