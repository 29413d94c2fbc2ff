package dev.rapport.api;

/**
 * A typed id of an aggregate, so that a ticket id cannot be passed where a customer id is meant.
 * The value is an opaque string; clients must not parse it.
 */
public interface Identifier {
    /** The id as clients see it. */
    String value();

    /** Refuses null and blank ids; used by every id record's constructor. */
    static String checked(String value, String kind) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank");
        }
        return value;
    }
}
