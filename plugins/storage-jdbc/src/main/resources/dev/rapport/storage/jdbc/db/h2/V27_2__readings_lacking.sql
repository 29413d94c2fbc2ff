-- The customers whose readings the SDK has yet to fill (no partial indexes in H2).
CREATE INDEX customers_readings_lacking ON customers (readings_indexed, id);
