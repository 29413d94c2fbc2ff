package dev.rapport.api.spi.storage;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;

/** Who watches which ticket: users who follow a ticket outside their own reach. */
public interface WatcherStore {
    /** Makes {@code user} a watcher of an existing ticket from {@code at}; nothing changes when they watch it already. */
    void add(TicketId ticket, UserId user, Instant at);

    /** The ticket's watchers, in the order they were added. */
    List<UserId> of(TicketId ticket);

    /** Whether {@code user} watches the ticket. */
    boolean watches(TicketId ticket, UserId user);
}
