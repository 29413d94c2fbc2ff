package dev.rapport.api.spi.storage;

import dev.rapport.api.improvement.ImprovementSuggestion;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.SuggestionState;

import java.util.List;
import java.util.Optional;

/**
 * Improvement suggestions and the tickets of each. Tags match ignoring case, as {@code toLowerCase(Locale.ROOT)}
 * compares them. Read back, a suggestion's {@code ticketIds} are its tickets by opening time (then id), its
 * {@code customerIds} the distinct customers those tickets belong to now, in the order of their first ticket, and
 * {@code lastTicketAt} the opening time of its newest ticket.
 */
public interface SuggestionStore {
    /**
     * Stores a new suggestion with {@code tickets} as its tickets, unless its type and tag already have a suggestion
     * that follows the same one ({@code suggestion.follows()}, or none) — stored by any transaction of any node
     * sharing the database. So of several transactions that complete the same cluster at once, one stores it: where
     * the database can, a transaction waits for a concurrent one storing the same key and then finds it stored.
     *
     * @return whether it was stored
     */
    boolean insert(ImprovementSuggestion suggestion, List<TaggedTicket> tickets);

    /** The newest suggestion (by {@code suggestedAt}, then id) of the type and tag; or empty. */
    Optional<ImprovementSuggestion> latest(String ticketType, String tag);

    /** The suggestion with its tickets; or empty. */
    Optional<ImprovementSuggestion> find(SuggestionId id);

    /** Adds {@code ticket} to an existing suggestion's tickets; false, changing nothing, when it is one of them. */
    boolean join(SuggestionId id, TaggedTicket ticket);

    /**
     * Stores the state, improvement, dismissal reason, settler and settling time of {@code settled} if the stored
     * suggestion is still OPEN.
     *
     * @return false when it is not OPEN (any more): nothing was written
     */
    boolean settle(ImprovementSuggestion settled);

    /** At most {@code limit} suggestions, in {@code state} when given, newest (highest id) first, after {@code after}. */
    List<ImprovementSuggestion> list(Optional<SuggestionState> state, Optional<SuggestionId> after, int limit);
}
