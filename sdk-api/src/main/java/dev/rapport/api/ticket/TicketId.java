package dev.rapport.api.ticket;

import dev.rapport.api.Identifier;

/** The id of a ticket. */
public record TicketId(String value) implements Identifier {
    public TicketId {
        Identifier.checked(value, "TicketId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static TicketId of(String value) {
        return new TicketId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
