-- Sign-in and sessions (issue 13): failed logins counted per employee id and client address in the database, so
-- that every node sees the same counts; and one-time passwords an admin sets, which must be changed at sign-in.
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE login_failures (
    pair_key       VARCHAR PRIMARY KEY,
    employee_id    VARCHAR                  NOT NULL,
    address        VARCHAR                  NOT NULL,
    failures       INTEGER                  NOT NULL,
    last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failures_address ON login_failures (address, last_failed_at);
CREATE INDEX login_failures_last_failed_at ON login_failures (last_failed_at);
