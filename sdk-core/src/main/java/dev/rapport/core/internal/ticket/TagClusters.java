package dev.rapport.core.internal.ticket;

import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;

import java.time.Instant;
import java.util.List;

/**
 * Where tickets' tags are counted into clusters of one type and tag (SPEC §6's improvement suggestions): told of the
 * tags a ticket is opened with, or gains later, inside the transaction that writes them.
 */
@FunctionalInterface
public interface TagClusters {
    /** Counts nothing: for hosts of the ticket rules alone. */
    TagClusters NONE = (tx, actor, ticket, tags, now) -> { };

    /**
     * @param ticket the ticket as it is once the change is written, carrying {@code tags}
     * @param tags   the tags it was opened with or just gained
     */
    void tagged(Transaction tx, Actor actor, Ticket ticket, List<String> tags, Instant now);
}
