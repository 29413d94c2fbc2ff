package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.testing.TestDatabase;

class H2BlobStoreContractTest extends JdbcBlobStoreContract {
    @Override
    protected TestDatabase kind() {
        return TestDatabase.H2;
    }
}
