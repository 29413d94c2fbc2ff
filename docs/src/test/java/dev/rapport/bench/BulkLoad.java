package dev.rapport.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

/** Loading a million generated customers the way one loads a million rows, for the benchmarks that need them. */
final class BulkLoad {
    private BulkLoad() {
    }

    @FunctionalInterface
    interface Load {
        void into(Connection connection) throws SQLException;
    }

    /**
     * Drops the indexes the migrations made on the customer tables (their definitions kept), runs {@code load}, builds
     * the same indexes again and vacuums and analyses the tables.
     */
    static void customers(DataSource dataSource, int count, Load load) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            var names = new ArrayList<String>();
            var definitions = new ArrayList<String>();
            try (var rs = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes "
                    + "WHERE tablename IN ('customers', 'contacts', 'customer_search_keys') "
                    + "AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
            connection.setAutoCommit(false);
            for (var name : names) {
                statement.execute("DROP INDEX " + name);
            }
            // The generator writes each contact with its customer: no need to check the foreign key row by row.
            statement.execute("SET LOCAL session_replication_role = replica");
            long start = System.nanoTime();
            load.into(connection);
            connection.commit();
            System.out.printf("loaded %,d customers in %.0f s%n", count, (System.nanoTime() - start) / 1e9);

            connection.setAutoCommit(true);
            start = System.nanoTime();
            statement.execute("SET maintenance_work_mem = '1GB'");
            for (var definition : definitions) {
                statement.execute(definition);
            }
            statement.execute("VACUUM ANALYZE customers");
            statement.execute("VACUUM ANALYZE contacts");
            statement.execute("VACUUM ANALYZE customer_search_keys");
            System.out.printf("built %s in %.0f s%n", String.join(", ", names), (System.nanoTime() - start) / 1e9);
            try (var rs = statement.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('customers')), "
                    + "pg_size_pretty(pg_total_relation_size('contacts')), "
                    + "pg_size_pretty(pg_relation_size('customers_search_text')), current_setting('shared_buffers'), "
                    + "pg_size_pretty(pg_total_relation_size('customer_search_keys')), "
                    + "(SELECT COUNT(*) FROM customer_search_keys)")) {
                rs.next();
                System.out.printf("customers %s and contacts %s with their indexes (search_text's %s); "
                        + "search keys %s (%,d rows); shared_buffers %s%n", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(5), rs.getLong(6), rs.getString(4));
            }
        }
    }
}
