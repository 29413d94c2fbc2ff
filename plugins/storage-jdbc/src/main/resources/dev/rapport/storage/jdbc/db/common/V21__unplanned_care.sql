-- Why the last complete care planning left customers without a maintenance or renewal contact: one row per kind and
-- cause, replaced at the end of each complete pass, for an administrator to act on. One example id, no names.
CREATE TABLE unplanned_care (
    kind                VARCHAR                  NOT NULL,
    cause               VARCHAR                  NOT NULL,
    customers           BIGINT                   NOT NULL,
    example_customer_id VARCHAR                  NOT NULL,
    planned_on          DATE                     NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, cause)
);
