package dev.rapport.api.customer;

import dev.rapport.api.Identifier;

/** The id of a interaction. */
public record InteractionId(String value) implements Identifier {
    public InteractionId {
        Identifier.checked(value, "InteractionId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static InteractionId of(String value) {
        return new InteractionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
