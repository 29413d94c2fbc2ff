package dev.rapport.api.security;

import dev.rapport.api.Identifier;

/** The id of a user. */
public record UserId(String value) implements Identifier {
    public UserId {
        Identifier.checked(value, "UserId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
