package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.testing.TestDatabase;

class PostgresBlobStoreContractTest extends JdbcBlobStoreContract {
    @Override
    protected TestDatabase kind() {
        return TestDatabase.POSTGRES;
    }
}
