package dev.rapport.api.customer;

import dev.rapport.api.Identifier;

/** The id of a customer. */
public record CustomerId(String value) implements Identifier {
    public CustomerId {
        Identifier.checked(value, "CustomerId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
