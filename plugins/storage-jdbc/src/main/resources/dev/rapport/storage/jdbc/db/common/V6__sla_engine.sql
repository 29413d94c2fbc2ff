-- The SLA engine: business calendars and the policy live in the database, shared by every node; each ticket keeps
-- the calendar, cadence and per-target deadlines it was opened with, the alarms raised for them, its escalation
-- level and first-ask owner. Three derived instants are kept for the monitor's indexes.

CREATE TABLE sla_calendars (
    id    VARCHAR PRIMARY KEY,
    -- The calendar as JSON (zone, weekly shifts, holidays, extra working days): only ever read whole.
    body  VARCHAR NOT NULL
);

CREATE TABLE sla_policy (
    priority       VARCHAR PRIMARY KEY,
    first_response VARCHAR NOT NULL,
    resolution     VARCHAR NOT NULL,
    update_cadence VARCHAR NOT NULL,
    calendar_id    VARCHAR NOT NULL REFERENCES sla_calendars (id)
);

ALTER TABLE tickets ADD COLUMN escalation VARCHAR DEFAULT 'FRONT_LINE' NOT NULL;
ALTER TABLE tickets ADD COLUMN owner_id VARCHAR;
ALTER TABLE tickets ADD COLUMN sla_calendar VARCHAR DEFAULT '24x7' NOT NULL;
ALTER TABLE tickets ADD COLUMN sla_update_cadence VARCHAR DEFAULT 'PT24H' NOT NULL;
ALTER TABLE tickets ADD COLUMN first_response_warn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tickets ADD COLUMN resolution_warn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tickets ADD COLUMN next_update_warn_at TIMESTAMP WITH TIME ZONE;
-- Targets still running and alarms raised, as short comma-separated lists such as FIRST_RESPONSE,RESOLUTION and
-- FIRST_RESPONSE:WARNING.
ALTER TABLE tickets ADD COLUMN sla_running VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE tickets ADD COLUMN sla_raised VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE tickets ADD COLUMN sla_next_alarm_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tickets ADD COLUMN sla_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tickets ADD COLUMN sla_warn_at TIMESTAMP WITH TIME ZONE;

-- Tickets from before the engine: warnings fall at their deadlines, and the targets they still owe run again.
UPDATE tickets SET first_response_warn_at = first_response_due, resolution_warn_at = resolution_due,
                   next_update_warn_at = next_update_due;
UPDATE tickets SET sla_running = CASE
        WHEN status IN ('RESOLVED', 'CLOSED') THEN ''
        WHEN first_responded_at IS NULL THEN 'FIRST_RESPONSE,RESOLUTION'
        ELSE 'RESOLUTION,CUSTOMER_UPDATE' END;
ALTER TABLE tickets ALTER COLUMN first_response_warn_at SET NOT NULL;
ALTER TABLE tickets ALTER COLUMN resolution_warn_at SET NOT NULL;
ALTER TABLE tickets ALTER COLUMN next_update_warn_at SET NOT NULL;
