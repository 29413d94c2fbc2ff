package dev.rapport.api.spi.storage;

import dev.rapport.api.ticket.TicketType;

import java.util.List;
import java.util.Optional;

/** The ticket-type catalog. */
public interface TicketTypeStore {
    /** Inserts unless a type with that code exists; safe when several nodes race. @return whether it inserted */
    boolean insertIfAbsent(TicketType type);

    /** The type with this code, or empty. */
    Optional<TicketType> find(String code);

    /** Ordered by code. */
    List<TicketType> list();

    /** Inserts the type, or replaces the one with its code. */
    void save(TicketType type);
}
