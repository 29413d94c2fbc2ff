package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketStatus;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.api.ticket.TicketStatus.*;

/**
 * SPEC §4's ticket state machine as one table, consulted by every transition, and the rule that guards closing.
 */
public final class TicketLifecycle {
    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = new EnumMap<>(TicketStatus.class);

    static {
        NEXT.put(NEW, EnumSet.of(ASSIGNED));
        NEXT.put(ASSIGNED, EnumSet.of(IN_PROGRESS, NEW)); // NEW: handed back to the department's queue
        NEXT.put(IN_PROGRESS, EnumSet.of(WAITING_CUSTOMER, WAITING_INTERNAL, RESOLVED));
        NEXT.put(WAITING_CUSTOMER, EnumSet.of(IN_PROGRESS, WAITING_INTERNAL, RESOLVED));
        NEXT.put(WAITING_INTERNAL, EnumSet.of(IN_PROGRESS, WAITING_CUSTOMER, RESOLVED));
        NEXT.put(RESOLVED, EnumSet.of(CLOSED, REOPENED));
        NEXT.put(REOPENED, EnumSet.of(IN_PROGRESS));
        NEXT.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
    }

    private TicketLifecycle() {
    }

    public static boolean allows(TicketStatus from, TicketStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws ConflictException naming both states when the table has no such move */
    public static void requireTransition(TicketStatus from, TicketStatus to) {
        if (!allows(from, to)) {
            throw ConflictException.illegalTransition("ticket", from, to);
        }
    }

    /**
     * The status after a progress entry: recording progress on an ASSIGNED or REOPENED ticket starts the work
     * (IN_PROGRESS), and from there the entry may move the ticket to {@code requested}.
     *
     * @throws ConflictException when the table has no such move
     */
    public static TicketStatus afterProgress(TicketStatus current, Optional<TicketStatus> requested) {
        TicketStatus started = current == ASSIGNED || current == REOPENED ? IN_PROGRESS : current;
        if (started != current) {
            requireTransition(current, started);
        }
        TicketStatus target = requested.orElse(started);
        if (target != started) {
            requireTransition(started, target);
        }
        return target;
    }

    /** @throws ConflictException when the ticket is CLOSED: closed tickets are read-only */
    public static void requireWritable(Ticket ticket) {
        if (ticket.status() == CLOSED) {
            throw ConflictException.of("ticket.closed", "Ticket " + ticket.number() + " is closed and read-only");
        }
    }

    /**
     * A ticket can never be closed without a recorded SATISFIED confirmation of its current resolution.
     *
     * @param confirmations the ticket's confirmations, oldest first
     * @throws ConflictException {@code ticket.close.unconfirmed} otherwise
     */
    public static void requireClosable(Ticket ticket, List<Confirmation> confirmations) {
        requireTransition(ticket.status(), CLOSED);
        boolean confirmed = !confirmations.isEmpty()
                && confirmations.getLast().opinion() == Opinion.SATISFIED
                && ticket.resolution().filter(r -> !confirmations.getLast().at().isBefore(r.at())).isPresent();
        if (!confirmed) {
            throw ConflictException.of("ticket.close.unconfirmed",
                    "Ticket " + ticket.number() + " has no SATISFIED confirmation of its resolution");
        }
    }
}
