package dev.rapport.storage.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.List;
import java.util.Map;

/** Inserts a catalog row unless its key exists, safely when several threads or nodes race for the key. */
final class InsertIfAbsent {
    private InsertIfAbsent() {
    }

    /**
     * @param row column name to value, the key column among them
     * @return whether the row was inserted
     */
    static boolean insert(Handle handle, Dialect dialect, String table, String key, Map<String, ?> row) {
        var sql = dialect.insertIfAbsent(table, key, List.copyOf(row.keySet()));
        try {
            return handle.createUpdate(sql).bindMap(row).execute() == 1;
        } catch (UnableToExecuteStatementException e) {
            // On H2, a concurrent transaction that inserted the key after this MERGE looked for it makes the insert
            // fail as a duplicate (PostgreSQL's ON CONFLICT never gets here). Either way the row now exists.
            if (SqlFailures.isUniqueViolation(e, null)) {
                return false;
            }
            throw e;
        }
    }
}
