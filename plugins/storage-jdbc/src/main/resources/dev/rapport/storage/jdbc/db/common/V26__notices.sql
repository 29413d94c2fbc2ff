-- Users' in-app notices (issue 16): one per user and event at most, so a redelivered event adds nothing. The text a
-- list shows (number, title) is copied from the ticket at the time: a notice reads without the ticket.
CREATE TABLE notices (
    user_id        VARCHAR                  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_position BIGINT                   NOT NULL,
    type           VARCHAR                  NOT NULL,
    ticket_id      VARCHAR                  NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    ticket_number  VARCHAR                  NOT NULL,
    title          VARCHAR,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, event_position)
);

CREATE INDEX notices_ticket ON notices (ticket_id);
