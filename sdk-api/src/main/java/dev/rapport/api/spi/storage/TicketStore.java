package dev.rapport.api.spi.storage;

import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.ProgressEntry;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tickets with their progress entries and confirmations. {@code Ticket.sla().breached()} is not stored. */
public interface TicketStore {
    void insert(Ticket ticket);

    Optional<Ticket> find(TicketId id);

    /**
     * Replaces the stored ticket if its version is still {@code expectedVersion}.
     *
     * @return false when the stored version differs: nothing was written
     */
    boolean update(Ticket ticket, long expectedVersion);

    void addProgress(TicketId ticket, ProgressEntry entry);

    /** Oldest first. */
    List<ProgressEntry> progress(TicketId ticket);

    void addConfirmation(TicketId ticket, Confirmation confirmation);

    /** Oldest first. */
    List<Confirmation> confirmations(TicketId ticket);

    List<Ticket> list(TicketQuery query);

    /** Which of {@code ids} exist. */
    Set<TicketId> existing(Collection<TicketId> ids);
}
