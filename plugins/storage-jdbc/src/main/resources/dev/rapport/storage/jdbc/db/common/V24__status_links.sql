-- The links that show customers their ticket's status and take their confirmation of one resolution (resolved_at).
-- Only the SHA-256 of a link's token is kept: the database never holds a usable link.
CREATE TABLE status_links (
    token_hash  VARCHAR PRIMARY KEY,
    ticket_id   VARCHAR                  NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    resolved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX status_links_ticket ON status_links (ticket_id);
