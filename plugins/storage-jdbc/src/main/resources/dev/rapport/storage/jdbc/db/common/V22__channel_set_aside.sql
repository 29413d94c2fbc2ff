-- Customers' messages a channel could not file and moved aside once (e.g. to an IMAP folder), listed for an
-- administrator. Ids, a reason and a place only: no content, no sender's address.
CREATE TABLE channel_set_aside (
    channel      VARCHAR                  NOT NULL,
    message_id   VARCHAR                  NOT NULL,
    reason       VARCHAR                  NOT NULL,
    place        VARCHAR                  NOT NULL,
    set_aside_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel, message_id)
);
CREATE INDEX channel_set_aside_at ON channel_set_aside (set_aside_at);
