package dev.rapport.api.ticket;

import java.util.List;
import java.util.Objects;

/** A ticket with its progress entries and customer confirmations, both oldest first. */
public record TicketDetails(Ticket ticket, List<ProgressEntry> progress, List<Confirmation> confirmations) {
    public TicketDetails {
        Objects.requireNonNull(ticket, "ticket");
        progress = List.copyOf(progress);
        confirmations = List.copyOf(confirmations);
    }
}
