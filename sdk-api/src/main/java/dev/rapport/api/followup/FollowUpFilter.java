package dev.rapport.api.followup;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which follow-ups to list; every given criterion must hold. Actors see only the follow-ups their permissions reach
 * (their own, their department's or all), whatever the filter says.
 *
 * @param ownerId   only follow-ups this user owns
 * @param states    any of these states; empty means every state
 * @param dueBefore only follow-ups due strictly before this instant
 */
public record FollowUpFilter(Optional<UserId> ownerId, Set<FollowUpState> states, Optional<Instant> dueBefore,
                             Optional<CustomerId> customerId, Optional<TicketId> ticketId) {
    public FollowUpFilter {
        ownerId = ownerId == null ? Optional.empty() : ownerId;
        states = states == null ? Set.of() : Set.copyOf(states);
        dueBefore = dueBefore == null ? Optional.empty() : dueBefore;
        customerId = customerId == null ? Optional.empty() : customerId;
        ticketId = ticketId == null ? Optional.empty() : ticketId;
    }

    /** Every follow-up the actor may see. */
    public static FollowUpFilter all() {
        return new FollowUpFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public FollowUpFilter withOwner(UserId owner) {
        return new FollowUpFilter(Optional.of(owner), states, dueBefore, customerId, ticketId);
    }

    public FollowUpFilter withStates(Set<FollowUpState> states) {
        return new FollowUpFilter(ownerId, states, dueBefore, customerId, ticketId);
    }

    public FollowUpFilter withDueBefore(Instant dueBefore) {
        return new FollowUpFilter(ownerId, states, Optional.of(dueBefore), customerId, ticketId);
    }

    public FollowUpFilter withCustomer(CustomerId customer) {
        return new FollowUpFilter(ownerId, states, dueBefore, Optional.of(customer), ticketId);
    }

    public FollowUpFilter withTicket(TicketId ticket) {
        return new FollowUpFilter(ownerId, states, dueBefore, customerId, Optional.of(ticket));
    }
}
