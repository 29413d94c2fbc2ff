-- The jdbc blob store: attachment bytes in the database, so that every node sharing it reaches every attachment.
-- A blob is a row, written first as incomplete, and its content in chunks of at most 256 KiB, each inserted in a
-- short transaction of its own (a slow upload never holds a connection); the row is marked complete last, and
-- only a complete row can be read. A failed upload deletes its row, and the chunks go with it.
CREATE TABLE blobs (
    blob_key   VARCHAR(32)              PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    complete   BOOLEAN                  NOT NULL,
    size_bytes BIGINT,
    sha256     VARCHAR(64)
);
-- What a crashed upload left is found by its age (the store's sweep on start).
CREATE INDEX blobs_incomplete ON blobs (complete, started_at);

CREATE TABLE blob_chunks (
    blob_key VARCHAR(32) NOT NULL REFERENCES blobs (blob_key) ON DELETE CASCADE,
    seq      INTEGER     NOT NULL,
    content  BYTEA       NOT NULL,
    PRIMARY KEY (blob_key, seq)
);
