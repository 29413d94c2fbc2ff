package dev.rapport.api.ticket;

import dev.rapport.api.Identifier;

/** The id of a ticket's attachment. */
public record AttachmentId(String value) implements Identifier {
    public AttachmentId {
        Identifier.checked(value, "AttachmentId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static AttachmentId of(String value) {
        return new AttachmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
