-- The customers whose readings the SDK has yet to fill: empty once the backfill is done, so it costs nothing after.
CREATE INDEX customers_readings_lacking ON customers (id) WHERE NOT readings_indexed;
