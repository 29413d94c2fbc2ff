-- SPEC §6's satisfaction surveys: one per closed ticket. The customer is the ticket's (a merge moves tickets, and so
-- their surveys). state is PENDING, INVITED or ANSWERED; an unanswered survey past expires_at is EXPIRED, which the
-- SDK derives when it reads it.
CREATE TABLE surveys (
    id             VARCHAR PRIMARY KEY,
    ticket_id      VARCHAR                  NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    provider       VARCHAR                  NOT NULL,
    locale         VARCHAR                  NOT NULL,
    state          VARCHAR                  NOT NULL,
    token          VARCHAR,
    link           VARCHAR,
    channel        VARCHAR,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    invited_at     TIMESTAMP WITH TIME ZONE,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at    TIMESTAMP WITH TIME ZONE,
    response_speed SMALLINT,
    resolution     SMALLINT,
    attitude       SMALLINT,
    overall        SMALLINT,
    recommend      SMALLINT,
    answer_comment VARCHAR
);
-- One survey per ticket, whoever closes it and however often; a token names one survey (NULL until invited).
CREATE UNIQUE INDEX surveys_ticket ON surveys (ticket_id);
CREATE UNIQUE INDEX surveys_token ON surveys (token);
-- Reports read the answers of a period.
CREATE INDEX surveys_answered_at ON surveys (answered_at);
