package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.search.CustomerSearchColumns;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 3.1: fills the search columns of the customers stored before version 3. Java, because the search form
 * ({@link dev.rapport.storage.jdbc.search.SearchText}) cannot be computed in SQL. Reads customers and contacts in
 * id order side by side, so that memory stays flat however many there are.
 */
final class FillCustomerSearchColumns extends JavaDataMigration {
    private static final int FETCH = 1_000;
    private static final int BATCH = 500;

    FillCustomerSearchColumns() {
        super("3.1", "fill customer search columns");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (var customers = connection.prepareStatement("SELECT id, name FROM customers ORDER BY id");
             var contacts = connection.prepareStatement(
                     "SELECT customer_id, name, phone, email FROM contacts ORDER BY customer_id, position");
             var update = connection.prepareStatement(
                     "UPDATE customers SET search_name = ?, search_core = ?, search_text = ?, search_pii = ? "
                             + "WHERE id = ?")) {
            customers.setFetchSize(FETCH);
            contacts.setFetchSize(FETCH);
            try (ResultSet customerRows = customers.executeQuery(); ResultSet contactRows = contacts.executeQuery()) {
                fill(customerRows, new Contacts(contactRows), update);
            }
        }
    }

    private static void fill(ResultSet customers, Contacts contacts, PreparedStatement update) throws SQLException {
        int pending = 0;
        while (customers.next()) {
            String id = customers.getString("id");
            var names = new ArrayList<String>();
            var phones = new ArrayList<String>();
            var emails = new ArrayList<String>();
            contacts.of(id, names, phones, emails);
            var columns = CustomerSearchColumns.of(customers.getString("name"), names, phones, emails);
            update.setString(1, columns.name());
            update.setString(2, columns.coreName());
            update.setString(3, columns.text());
            update.setString(4, columns.personalData());
            update.setString(5, id);
            update.addBatch();
            if (++pending == BATCH) {
                update.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            update.executeBatch();
        }
    }

    /**
     * The contacts result, read forward in step with the customers: both are sorted by customer id by the same
     * database collation, and every contact has its customer, so the current row is always the current customer's
     * or a later one's.
     */
    private static final class Contacts {
        private final ResultSet rows;
        private boolean current;

        Contacts(ResultSet rows) throws SQLException {
            this.rows = rows;
            this.current = rows.next();
        }

        /** Adds the details of customer {@code id}'s contacts. */
        void of(String id, List<String> names, List<String> phones, List<String> emails) throws SQLException {
            while (current && rows.getString("customer_id").equals(id)) {
                names.add(rows.getString("name"));
                addIfPresent(phones, rows.getString("phone"));
                addIfPresent(emails, rows.getString("email"));
                current = rows.next();
            }
        }

        private static void addIfPresent(List<String> values, String value) {
            if (value != null) {
                values.add(value);
            }
        }
    }
}
