package dev.rapport.api.ticket;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one inbound message.
 *
 * @param ticketId     the ticket the message opened or joined; empty when it was {@link Kind#IGNORED}
 * @param ticketNumber that ticket's number, e.g. for the web form's answer
 */
public record Intake(Kind kind, Optional<TicketId> ticketId, Optional<String> ticketNumber) {
    /** How the message was filed. */
    public enum Kind {
        /** It opened a new ticket. */
        OPENED,
        /** It joined the open ticket it answers. */
        APPENDED,
        /** It was filed before, on the ticket named; nothing changed. */
        DUPLICATE,
        /** The request carried no customer message (a ping, a read receipt). */
        IGNORED
    }

    public Intake {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        if (ticketId.isPresent() != (kind != Kind.IGNORED) || ticketId.isPresent() != ticketNumber.isPresent()) {
            throw new IllegalArgumentException("a filed message names its ticket; an ignored one none: " + kind);
        }
    }

    public static Intake of(Kind kind, Ticket ticket) {
        return new Intake(kind, Optional.of(ticket.id()), Optional.of(ticket.number()));
    }

    public static Intake ignored() {
        return new Intake(Kind.IGNORED, Optional.empty(), Optional.empty());
    }
}
