-- SPEC §6's follow-ups. The plan key ("closure:<ticket>:<kind>", "maintenance:<customer>:<date>", …) is unique, so a
-- follow-up two nodes plan at the same time is stored once.

CREATE TABLE follow_ups (
    id               VARCHAR PRIMARY KEY,
    plan_key         VARCHAR                  NOT NULL,
    kind             VARCHAR                  NOT NULL,
    customer_id      VARCHAR                  NOT NULL REFERENCES customers (id),
    ticket_id        VARCHAR REFERENCES tickets (id),
    owner_id         VARCHAR                  NOT NULL,
    department_id    VARCHAR,
    purpose          VARCHAR                  NOT NULL,
    contract_end     DATE,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    overdue_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    state            VARCHAR                  NOT NULL,
    due_announced_at TIMESTAMP WITH TIME ZONE,
    -- Derived from the state: when the due-work scan must look at the row next; NULL once it never must again.
    next_alarm_at    TIMESTAMP WITH TIME ZONE,
    outcome          VARCHAR,
    note             VARCHAR,
    skip_reason      VARCHAR,
    interaction_id   VARCHAR REFERENCES interactions (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    finished_by      VARCHAR,
    version          BIGINT                   NOT NULL,
    CONSTRAINT follow_ups_plan_key_unique UNIQUE (plan_key)
);
CREATE INDEX follow_ups_next_alarm ON follow_ups (next_alarm_at);
-- Work lists page soonest due first: everyone's, an owner's, a department's; the timeline pages a customer's.
CREATE INDEX follow_ups_due ON follow_ups (due_at, id);
CREATE INDEX follow_ups_owner_due ON follow_ups (owner_id, due_at, id);
CREATE INDEX follow_ups_department_due ON follow_ups (department_id, due_at, id);
CREATE INDEX follow_ups_customer_due ON follow_ups (customer_id, due_at, id);
CREATE INDEX follow_ups_ticket ON follow_ups (ticket_id);
-- The daily planning of maintenance and renewal contacts looks for customers by level and by contract end.
CREATE INDEX customers_maintenance_level ON customers (maintenance_level, id);
CREATE INDEX customers_contract_end ON customers (contract_end, id);
