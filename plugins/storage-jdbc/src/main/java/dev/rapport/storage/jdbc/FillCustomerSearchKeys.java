package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.search.CustomerSearchKeys;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * Migration 27.3: writes the storage's search keys (words and typo keys, {@link CustomerSearchKeys}) of the customers
 * stored before version 24: as rows of {@code customer_search_keys}, the typo keys on the customer row on PostgreSQL
 * (after 27.2 made the column there). Java, because the keys cannot be computed in SQL. Reads customers and contacts in id
 * order side by side, so that memory stays flat however many there are. The readings are the SDK's: it fills those
 * in the background after start.
 */
final class FillCustomerSearchKeys extends JavaDataMigration {
    private static final int FETCH = 1_000;
    private static final int BATCH = 1_000;

    FillCustomerSearchKeys() {
        super("27.3", "fill customer search keys");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean keysOnRow = Dialect.of(connection.getMetaData().getDatabaseProductName())
                .map(Dialect::keysOnRow).orElse(false);
        try (var customers = connection.prepareStatement("SELECT id, code, name FROM customers ORDER BY id");
             var contacts = connection.prepareStatement("SELECT customer_id, name FROM contacts "
                     + "ORDER BY customer_id, position");
             var insert = connection.prepareStatement("INSERT INTO customer_search_keys (customer_id, kind, "
                     + "search_key, name_length, code) VALUES (?, ?, ?, ?, ?)");
             var onRow = connection.prepareStatement(keysOnRow
                     ? "UPDATE customers SET search_keys = ? WHERE id = ?" : "SELECT 1")) {
            customers.setFetchSize(FETCH);
            contacts.setFetchSize(FETCH);
            try (ResultSet customerRows = customers.executeQuery(); ResultSet contactRows = contacts.executeQuery()) {
                fill(customerRows, contactRows, new Batch(insert), keysOnRow ? new Batch(onRow) : null);
            }
        }
    }

    /** Writes the keys; the typo keys into {@code onRow} when they are kept on the customer row. */
    private static void fill(ResultSet customers, ResultSet contacts, Batch batch, Batch onRow) throws SQLException {
        boolean contact = contacts.next();
        while (customers.next()) {
            String id = customers.getString("id");
            String code = customers.getString("code");
            var names = new ArrayList<String>();
            // Both sorted by customer id by the same collation, and every contact has its customer.
            while (contact && contacts.getString("customer_id").equals(id)) {
                names.add(contacts.getString("name"));
                contact = contacts.next();
            }
            var keys = CustomerSearchKeys.of(customers.getString("name"), names);
            for (String word : keys.words()) {
                batch.add(id, "W", word, keys.nameLength(), code);
            }
            if (onRow != null) {
                var statement = onRow.statement();
                statement.setArray(1, statement.getConnection().createArrayOf("text",
                        keys.typos().stream().map(t -> Dialect.rowKey("T", t)).toArray()));
                statement.setString(2, id);
                onRow.added();
            } else {
                for (String typo : keys.typos()) {
                    batch.add(id, "T", typo, keys.nameLength(), code);
                }
            }
        }
        batch.flush();
        if (onRow != null) {
            onRow.flush();
        }
    }

    /** A statement, executed every {@link #BATCH} rows. */
    private static final class Batch {
        private final PreparedStatement insert;
        private int pending;

        Batch(PreparedStatement insert) {
            this.insert = insert;
        }

        void add(String id, String kind, String key, int nameLength, String code) throws SQLException {
            insert.setString(1, id);
            insert.setString(2, kind);
            insert.setString(3, key);
            insert.setInt(4, nameLength);
            insert.setString(5, code);
            added();
        }

        PreparedStatement statement() {
            return insert;
        }

        /** Adds the parameters set on {@link #statement()} to the batch. */
        void added() throws SQLException {
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }
}
