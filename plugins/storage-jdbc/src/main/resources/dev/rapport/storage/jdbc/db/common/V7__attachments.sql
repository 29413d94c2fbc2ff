-- SPEC §4's attachments: metadata here, bytes in the blob store under blob_key (which the store chose).

CREATE TABLE attachments (
    id           VARCHAR PRIMARY KEY,
    ticket_id    VARCHAR                  NOT NULL REFERENCES tickets (id),
    filename     VARCHAR                  NOT NULL,
    content_type VARCHAR                  NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    sha256       VARCHAR(64)              NOT NULL,
    blob_key     VARCHAR(128)             NOT NULL,
    uploaded_by  VARCHAR                  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT attachments_blob_key_unique UNIQUE (blob_key)
);
-- A ticket's attachments are listed oldest first.
CREATE INDEX attachments_ticket ON attachments (ticket_id, uploaded_at, id);
