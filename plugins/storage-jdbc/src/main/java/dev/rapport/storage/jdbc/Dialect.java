package dev.rapport.storage.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL that differs between the supported databases. Everything else the storage writes is portable. Table and
 * column names passed in are constants of this module, never user input.
 */
enum Dialect {
    H2("H2", "h2") {
        @Override
        String nextValue(String sequence) {
            return "SELECT NEXT VALUE FOR " + sequence;
        }

        @Override
        String insertIfAbsent(String table, String key, List<String> columns) {
            // Standard MERGE inserts nothing (update count 0) when the key exists; H2's own MERGE ... KEY would
            // overwrite the existing row instead.
            return "MERGE INTO " + table + " t USING (VALUES (" + parameters(columns) + ")) s ("
                    + String.join(", ", columns) + ") ON "
                    + Arrays.stream(key.split(", ")).map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "))
                    + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        String matches(Trigram match, String query, String column) {
            return match.function() + "(" + query + ", " + column + ") >= :threshold";
        }

        @Override
        Optional<String> setThreshold(Trigram match) {
            return Optional.empty();
        }

        @Override
        String contains(String column, String parameter) {
            // Not LIKE: H2 parses a statement with LIKE again at every execution, to plan for the pattern bound.
            return "LOCATE(:" + parameter + ", " + column + ") > 0";
        }

        @Override
        String containing(String text) {
            return text;
        }

        @Override
        boolean keysOnRow() {
            return false;
        }

        @Override
        boolean indexesContains() {
            return false;
        }

        @Override
        String hasKey(String kind, List<String> parameters) {
            // The IN list first, for the index on (search_key, kind): after an equal kind, H2 would read every key of
            // the kind (every typo key of every customer).
            return "c.id IN (SELECT t.customer_id FROM customer_search_keys t WHERE t.search_key IN ("
                    + parameters.stream().map(p -> ":" + p).collect(Collectors.joining(", ")) + ") AND t.kind = '"
                    + kind + "')";
        }
    },
    POSTGRESQL("PostgreSQL", "postgresql") {
        @Override
        String nextValue(String sequence) {
            return "SELECT nextval('" + sequence + "')";
        }

        @Override
        String insertIfAbsent(String table, String key, List<String> columns) {
            // Unlike MERGE, ON CONFLICT stays free of unique violations when two nodes insert the same key at once.
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + parameters(columns)
                    + ") ON CONFLICT (" + key + ") DO NOTHING";
        }

        @Override
        String matches(Trigram match, String query, String column) {
            // The operator, not the function: only the operator is answered by the trigram index.
            return query + " " + match.operator() + " " + column;
        }

        @Override
        Optional<String> setThreshold(Trigram match) {
            // The setting's name is a constant of Trigram, never input.
            return Optional.of("SELECT set_config('" + match.setting() + "', :threshold, true)");
        }

        @Override
        String contains(String column, String parameter) {
            // LIKE, which the trigram indexes answer.
            return column + " LIKE :" + parameter + " ESCAPE '!'";
        }

        @Override
        String containing(String text) {
            Objects.requireNonNull(text, "text");
            var pattern = new StringBuilder(text.length() + 8).append('%');
            for (char ch : text.toCharArray()) {
                if (ch == '!' || ch == '%' || ch == '_') {
                    pattern.append('!');
                }
                pattern.append(ch);
            }
            return pattern.append('%').toString();
        }

        @Override
        boolean keysOnRow() {
            return true;
        }

        @Override
        String lockDueRows() {
            return "FOR NO KEY UPDATE SKIP LOCKED";
        }

        @Override
        String hasKey(String kind, List<String> parameters) {
            // The GIN index on the array answers the overlap.
            return "c.search_keys && CAST(ARRAY[" + parameters.stream().map(p -> ":" + p)
                    .collect(Collectors.joining(", ")) + "] AS TEXT[])";
        }
    };

    private final String productName;
    private final String folder;

    Dialect(String productName, String folder) {
        this.productName = productName;
        this.folder = folder;
    }

    /** The dialect of a database by its JDBC product name; empty for a database this storage does not support. */
    static Optional<Dialect> of(String databaseProductName) {
        for (var dialect : values()) {
            if (dialect.productName.equalsIgnoreCase(databaseProductName)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** A query returning the next value of {@code sequence}. */
    abstract String nextValue(String sequence);

    /**
     * An insert of one row whose update count is 1 when it inserted and 0 when a row with the same {@code key}
     * existed; the values are bound by the column names. A key of several columns is written {@code "a, b"}.
     */
    abstract String insertIfAbsent(String table, String key, List<String> columns);

    /**
     * A condition that holds when pg_trgm's {@code match} function of {@code query} and {@code column} is at least the
     * threshold bound as {@code :threshold}; on PostgreSQL, the transaction's threshold as {@link #setThreshold} left it.
     */
    abstract String matches(Trigram match, String query, String column);

    /** The statement that makes {@code :threshold} (as text) the transaction's threshold of {@code match}, if any. */
    abstract Optional<String> setThreshold(Trigram match);

    /** A condition that holds when {@code column} contains the text {@link #containing} made of, bound as {@code :parameter}. */
    abstract String contains(String column, String parameter);

    /** What to bind for {@link #contains} to find {@code text} as written, wildcards included. */
    abstract String containing(String text);

    /**
     * The locking clause of a scan that shares due rows between nodes: it locks the rows it returns for an update of
     * their non-key columns and skips rows another scan holds. On PostgreSQL that is {@code FOR NO KEY UPDATE}:
     * {@code FOR UPDATE} would also skip a row whose key a foreign key check holds (a notice being written for the
     * ticket), leaving its due alarm to the next scan.
     */
    String lockDueRows() {
        return "FOR UPDATE SKIP LOCKED";
    }

    /**
     * Whether the typo keys and readings (kinds {@code T} and {@code P}) are kept on the customer row, in
     * {@code customers.search_keys} as {@link #rowKey}s, rather than as rows of {@code customer_search_keys}.
     */
    abstract boolean keysOnRow();

    /**
     * Whether an index answers {@link #contains}: PostgreSQL's trigram indexes do; on H2 every "contains" reads the
     * whole table, so a search runs its tiers as one statement, its code, name and contact tiers in one scan.
     */
    boolean indexesContains() {
        return true;
    }

    /**
     * A condition that holds when customer {@code c} has a search key of {@code kind} among those bound as
     * {@code parameters}, each bound to its {@link #key}.
     */
    abstract String hasKey(String kind, List<String> parameters);

    /** What to bind for {@link #hasKey} to find {@code key} of {@code kind}. */
    String key(String kind, String key) {
        return keysOnRow() ? rowKey(kind, key) : key;
    }

    /** A key of {@code kind} as kept in {@code customers.search_keys}: {@code T:brighway}. */
    static String rowKey(String kind, String key) {
        return kind + ":" + key;
    }

    /** The Flyway location of this dialect's own migrations. */
    String migrations() {
        return "classpath:dev/rapport/storage/jdbc/db/" + folder;
    }

    private static String parameters(List<String> columns) {
        return columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    }
}
