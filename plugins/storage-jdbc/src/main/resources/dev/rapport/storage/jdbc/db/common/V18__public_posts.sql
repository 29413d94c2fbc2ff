-- The rate limits of the public endpoints, counted here so that every node on the database shares them: the hits of one
-- key (a hash of the scope and the client address, never the address) in one fixed window. The id is
-- "<key>@<window start in epoch seconds>".
CREATE TABLE rate_limit_hits (
    id           VARCHAR PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    hits         INTEGER                  NOT NULL
);

CREATE INDEX rate_limit_hits_window ON rate_limit_hits (window_start);
