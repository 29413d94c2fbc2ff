package dev.rapport.api.customer;

import dev.rapport.api.Identifier;

/** The id of a purchase. */
public record PurchaseId(String value) implements Identifier {
    public PurchaseId {
        Identifier.checked(value, "PurchaseId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static PurchaseId of(String value) {
        return new PurchaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
