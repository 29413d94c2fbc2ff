package dev.rapport.api.spi.storage;

import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.TicketException;
import dev.rapport.api.ticket.TicketId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The exceptions recorded on tickets (SPEC §4). */
public interface TicketExceptionStore {
    /** Appends an exception to an existing ticket. */
    void add(TicketId ticket, TicketException exception);

    /** The ticket's exceptions, oldest first. */
    List<TicketException> of(TicketId ticket);

    /**
     * The exceptions of {@code kind} on any of {@code tickets}, each ticket's oldest first; tickets without one are
     * absent from the map.
     */
    Map<TicketId, List<TicketException>> of(Collection<TicketId> tickets, ExceptionKind kind);
}
