package dev.rapport.core.internal.ticket;

import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.RequirementTrailEntry;
import dev.rapport.api.ticket.RequirementTrailEntry.Kind;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SPEC §4: a CHANGE_REQUEST keeps a trail of requirement changes linked to earlier tickets. The trail holds the
 * change requests the ticket is linked to through related tickets (transitively: a link through a complaint counts
 * too) and every REQUIREMENT_CHANGE exception on them and on the ticket itself, oldest first.
 */
final class RequirementTrail {
    static final String CHANGE_REQUEST = "CHANGE_REQUEST";
    /** How many linked tickets one trail follows at most, so that a long chain of links stays a cheap read. */
    static final int MAX_LINKED = 50;

    private static final Comparator<RequirementTrailEntry> IN_TIME = Comparator.comparing(RequirementTrailEntry::at)
            .thenComparing(RequirementTrailEntry::kind)
            .thenComparing(RequirementTrailEntry::ticketNumber);
    private static final Comparator<Ticket> OLDEST_FIRST = Comparator.comparing(Ticket::createdAt)
            .thenComparing(t -> t.id().value());

    private RequirementTrail() {
    }

    /** The trail of {@code ticket}; empty unless it is a CHANGE_REQUEST. */
    static List<RequirementTrailEntry> of(Transaction tx, Ticket ticket) {
        if (!CHANGE_REQUEST.equals(ticket.type())) {
            return List.of();
        }
        var trail = new ArrayList<RequirementTrailEntry>();
        var numbers = new HashMap<TicketId, String>();
        numbers.put(ticket.id(), ticket.number());
        for (Ticket earlier : linked(tx, ticket)) {
            if (CHANGE_REQUEST.equals(earlier.type())) {
                numbers.put(earlier.id(), earlier.number());
                trail.add(new RequirementTrailEntry(Kind.CHANGE_REQUEST, earlier.id(), earlier.number(),
                        earlier.createdAt(), earlier.title().orElse(earlier.description()), earlier.createdBy()));
            }
        }
        tx.ticketExceptions().of(numbers.keySet(), ExceptionKind.REQUIREMENT_CHANGE).forEach((id, changes) ->
                changes.forEach(change -> trail.add(new RequirementTrailEntry(Kind.REQUIREMENT_CHANGE, id,
                        numbers.get(id), change.at(), change.description(), change.recordedBy()))));
        trail.sort(IN_TIME);
        return trail;
    }

    /** The tickets {@code ticket} links to, directly or through each other, nearest first; at most MAX_LINKED. */
    private static List<Ticket> linked(Transaction tx, Ticket ticket) {
        var seen = new HashSet<TicketId>();
        seen.add(ticket.id());
        var found = new ArrayList<Ticket>();
        var next = unseen(ticket.relatedTicketIds(), seen, MAX_LINKED);
        while (!next.isEmpty()) {
            var level = tx.tickets().findAll(next).stream().sorted(OLDEST_FIRST).toList();
            found.addAll(level);
            var links = level.stream().flatMap(t -> t.relatedTicketIds().stream()).toList();
            next = unseen(links, seen, MAX_LINKED - found.size());
        }
        return found;
    }

    /** Up to {@code room} of {@code ids} not seen before, which are seen from now on. */
    private static List<TicketId> unseen(List<TicketId> ids, Set<TicketId> seen, int room) {
        var fresh = new ArrayList<TicketId>();
        for (TicketId id : ids) {
            if (fresh.size() >= room) {
                break;
            }
            if (seen.add(id)) {
                fresh.add(id);
            }
        }
        return fresh;
    }
}
