package dev.rapport.api.ticket;

import dev.rapport.api.security.UserId;

import java.util.List;
import java.util.Objects;

/**
 * A ticket with what was recorded on it; every list oldest first. A reader with the {@link TicketView#CUSTOMER_VISIBLE}
 * view gets only the customer-visible progress and the confirmations; the other lists are empty.
 *
 * @param exceptions       what got in the way and what the customer was told
 * @param collaborations   other departments' help asked for on the ticket
 * @param watchers         users who follow the ticket and may read it although it is not in their reach otherwise,
 *                         e.g. the account manager of a key account
 * @param requirementTrail for a CHANGE_REQUEST, the earlier change requests it is linked to and every requirement
 *                         change recorded on them and on itself, in time order; empty for other types
 * @param view             how much of the ticket the reader sees
 */
public record TicketDetails(Ticket ticket, List<ProgressEntry> progress, List<Confirmation> confirmations,
                            List<TicketException> exceptions, List<CollaborationRequest> collaborations,
                            List<UserId> watchers, List<RequirementTrailEntry> requirementTrail, TicketView view) {
    public TicketDetails {
        Objects.requireNonNull(ticket, "ticket");
        progress = List.copyOf(progress);
        confirmations = List.copyOf(confirmations);
        exceptions = List.copyOf(exceptions);
        collaborations = List.copyOf(collaborations);
        watchers = List.copyOf(watchers);
        requirementTrail = List.copyOf(requirementTrail);
        Objects.requireNonNull(view, "view");
    }

    /** What the intake owner and the front line may see of {@code ticket}: customer-visible progress and confirmations. */
    public static TicketDetails customerVisible(Ticket ticket, List<ProgressEntry> progress,
                                                List<Confirmation> confirmations) {
        return new TicketDetails(ticket, progress.stream().filter(p -> p.visibility() == Visibility.CUSTOMER).toList(),
                confirmations, List.of(), List.of(), List.of(), List.of(), TicketView.CUSTOMER_VISIBLE);
    }
}
