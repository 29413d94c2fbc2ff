package dev.rapport.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement written with named parameters ({@code :code}) as plain JDBC runs it: the SQL with {@code ?} in their
 * place and the names in order, so that statements composed from parts that share one map of parameters (the customer
 * search's tiers) can skip Jdbi's per-statement machinery, which on H2 cost more than the search itself. Quoted text,
 * quoted identifiers and PostgreSQL's {@code ::} casts are left as they are.
 *
 * @param sql   the statement with {@code ?} for each parameter
 * @param names the parameters' names, in the order of their {@code ?}; a name used twice appears twice
 */
record NamedSql(String sql, List<String> names) {
    NamedSql {
        names = List.copyOf(names);
    }

    /** At most this many statements are kept translated; a search composes a few dozen shapes of statement. */
    private static final int CACHED = 512;
    private static final Map<String, NamedSql> TRANSLATED = new ConcurrentHashMap<>();

    /** The translation of {@code sql}, kept for the next statement of the same text. */
    static NamedSql of(String sql) {
        var known = TRANSLATED.get(sql);
        if (known != null) {
            return known;
        }
        if (TRANSLATED.size() >= CACHED) {
            TRANSLATED.clear(); // statements are composed from a few dozen shapes; more means values in the text
        }
        var translated = translate(sql);
        TRANSLATED.put(sql, translated);
        return translated;
    }

    static NamedSql translate(String sql) {
        var out = new StringBuilder(sql.length());
        var names = new ArrayList<String>();
        int copied = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, c);
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 2;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append(sql, copied, i).append('?');
                copied = end;
                i = end;
            } else {
                i++;
            }
        }
        out.append(sql, copied, sql.length());
        return new NamedSql(out.toString(), names);
    }

    /** Sets every parameter from {@code values}; a name it lacks is a mistake in the statement's composition. */
    void bind(PreparedStatement statement, Map<String, ?> values) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name + " in " + sql);
            }
            // A string set as one: H2 finds the type of an object by trying each it knows.
            Object value = values.get(name);
            if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** Just after the quote that closes the one at {@code start}; a doubled quote is part of the text. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
