package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresStorageContractTest extends JdbcStorageContract {
    @Override
    protected TestDatabase kind() {
        return TestDatabase.POSTGRES;
    }

    /** The contract's checks here run on PostgreSQL indeed. */
    @Test
    void runsOnPostgresql() {
        try (var storage = createJdbc()) {
            assertThat(storage.dialect()).isEqualTo(Dialect.POSTGRESQL);
        }
    }
}
