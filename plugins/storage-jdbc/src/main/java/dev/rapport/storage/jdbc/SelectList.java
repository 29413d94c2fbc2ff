package dev.rapport.storage.jdbc;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The columns a statement selects, in order, so that a wide row is read by position. Reading by label costs H2 a map
 * of every label of the result, upper-cased, built per result, and an upper-casing per read: for a ticket fetched by
 * id, more than reading the row itself.
 */
final class SelectList {
    private final String sql;
    private final Map<String, Integer> positions = new HashMap<>();

    private SelectList(String sql) {
        this.sql = sql;
        String[] columns = sql.split(",");
        for (int i = 0; i < columns.length; i++) {
            if (positions.put(label(columns[i]), i + 1) != null) {
                throw new IllegalArgumentException("Two columns are labelled " + label(columns[i]));
            }
        }
    }

    /** The list of {@code sql}: comma-separated columns, each optionally qualified ({@code c.id}) or aliased. */
    static SelectList of(String sql) {
        return new SelectList(sql);
    }

    /** The list as written, for a {@code SELECT}. */
    String sql() {
        return sql;
    }

    /** How many columns it selects: a column selected after them is at {@code size() + 1}. */
    int size() {
        return positions.size();
    }

    /** The 1-based position of the column labelled {@code label}. */
    int at(String label) {
        Integer position = positions.get(label);
        if (position == null) {
            throw new IllegalArgumentException(label + " is not selected");
        }
        return position;
    }

    private static String label(String column) {
        String trimmed = column.strip();
        int alias = trimmed.toUpperCase(Locale.ROOT).lastIndexOf(" AS ");
        String name = alias >= 0 ? trimmed.substring(alias + 4).strip() : trimmed;
        return name.substring(name.indexOf('.') + 1);
    }
}
