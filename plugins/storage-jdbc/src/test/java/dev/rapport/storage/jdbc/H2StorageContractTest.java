package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2StorageContractTest extends JdbcStorageContract {
    @Override
    protected TestDatabase kind() {
        return TestDatabase.H2;
    }

    /** The contract's checks here run on H2 indeed. */
    @Test
    void runsOnH2() {
        try (var storage = createJdbc()) {
            assertThat(storage.dialect()).isEqualTo(Dialect.H2);
        }
    }
}
