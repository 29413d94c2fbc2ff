-- SPEC §3's first contact of a customer, and where a customer merged as a duplicate went.
ALTER TABLE customers ADD COLUMN first_contact_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customers ADD COLUMN first_contact_channel VARCHAR;
ALTER TABLE customers ADD COLUMN merged_into VARCHAR REFERENCES customers (id);
