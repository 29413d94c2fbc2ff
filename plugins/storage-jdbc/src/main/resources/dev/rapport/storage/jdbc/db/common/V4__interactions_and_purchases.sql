-- The communication log and purchases of customers, and the index the customer timeline pages tickets with.

CREATE TABLE interactions (
    id                 VARCHAR PRIMARY KEY,
    customer_id        VARCHAR                  NOT NULL REFERENCES customers (id),
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    method             VARCHAR                  NOT NULL,
    participants       VARCHAR                  NOT NULL,
    topic              VARCHAR                  NOT NULL,
    content            VARCHAR                  NOT NULL,
    initial_response   VARCHAR,
    owner_id           VARCHAR                  NOT NULL,
    planned_completion TIMESTAMP WITH TIME ZONE,
    next_action        VARCHAR,
    recorded_by        VARCHAR                  NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The timeline and the list page a customer's interactions newest first.
CREATE INDEX interactions_customer ON interactions (customer_id, occurred_at, id);

CREATE TABLE purchases (
    id           VARCHAR PRIMARY KEY,
    customer_id  VARCHAR                  NOT NULL REFERENCES customers (id),
    purchased_on DATE                     NOT NULL,
    amount       NUMERIC(19, 4)           NOT NULL,
    currency     VARCHAR(3)               NOT NULL,
    recorded_by  VARCHAR                  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX purchases_customer ON purchases (customer_id, purchased_on, id);

CREATE INDEX tickets_customer_created ON tickets (customer_id, created_at, id);
