package dev.rapport.api.ticket;

import dev.rapport.api.Identifier;

/** The id of a collaboration request recorded on a ticket. */
public record CollaborationId(String value) implements Identifier {
    public CollaborationId {
        Identifier.checked(value, "CollaborationId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static CollaborationId of(String value) {
        return new CollaborationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
