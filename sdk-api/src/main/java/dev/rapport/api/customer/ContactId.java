package dev.rapport.api.customer;

import dev.rapport.api.Identifier;

/** The id of a contact. */
public record ContactId(String value) implements Identifier {
    public ContactId {
        Identifier.checked(value, "ContactId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
