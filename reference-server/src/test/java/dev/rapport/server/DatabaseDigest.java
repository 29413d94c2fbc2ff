package dev.rapport.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a refused request must leave as it was: the number of rows of every table the API writes, and the sum of the
 * versions of every versioned row (so an update shows too), read in one query. Tables that background work changes on
 * its own (event delivery, sessions, survey invitations' state) are left out, and so are failed logins, which a
 * refused login records on purpose, and the rate limits' hits, which every public request counts, refused or not.
 *
 * @param figures each table's row count ({@code tickets}) and version sum ({@code tickets.version})
 */
record DatabaseDigest(Map<String, Long> figures) {
    private static final Set<String> CHANGED_IN_THE_BACKGROUND = Set.of("deliveries", "event_fan_out",
            "event_subscribers", "sessions", "surveys", "outbox", "rapport_schema_history", "login_failures",
            "rate_limit_hits");

    private static final Map<String, Query> QUERIES = new ConcurrentHashMap<>();
    /** One open connection per database: a digest is taken before and after every fuzzed request. */
    private static final Map<String, Connection> CONNECTIONS = new ConcurrentHashMap<>();

    /** The one query of a database's figures, built once from its metadata. */
    private record Query(String sql, List<String> names) {
    }

    static DatabaseDigest of(TestServer server) {
        var db = server.database;
        try {
            var connection = CONNECTIONS.get(db.url());
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                CONNECTIONS.put(db.url(), connection);
            }
            var query = QUERIES.get(db.url());
            if (query == null) {
                query = query(connection);
                QUERIES.put(db.url(), query);
            }
            var figures = new LinkedHashMap<String, Long>();
            try (var statement = connection.createStatement(); var row = statement.executeQuery(query.sql())) {
                row.next();
                for (int i = 0; i < query.names().size(); i++) {
                    figures.put(query.names().get(i), row.getLong(i + 1));
                }
            }
            return new DatabaseDigest(figures);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database", e);
        }
    }

    private static Query query(Connection connection) throws SQLException {
        var columns = new ArrayList<String>();
        var names = new ArrayList<String>();
        try (var tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String schema = String.valueOf(tables.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!(schema.equals("public")) || CHANGED_IN_THE_BACKGROUND.contains(table)) {
                    continue;
                }
                String quoted = '"' + tables.getString("TABLE_NAME") + '"';
                columns.add("(SELECT COUNT(*) FROM " + quoted + ")");
                names.add(table);
                var version = versionColumn(connection, tables.getString("TABLE_NAME"));
                if (version != null) {
                    columns.add("(SELECT COALESCE(SUM(\"" + version + "\"), 0) FROM " + quoted + ")");
                    names.add(table + ".version");
                }
            }
        }
        return new Query("SELECT " + String.join(", ", columns), List.copyOf(names));
    }

    /** The name of the table's numeric {@code version} column, or null. */
    private static String versionColumn(Connection connection, String table) throws SQLException {
        try (var columns = connection.getMetaData().getColumns(null, null, table, "%")) {
            while (columns.next()) {
                int type = columns.getInt("DATA_TYPE");
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase("version")
                        && (type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT)) {
                    return columns.getString("COLUMN_NAME");
                }
            }
            return null;
        }
    }
}
