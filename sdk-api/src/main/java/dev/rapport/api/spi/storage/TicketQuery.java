package dev.rapport.api.spi.storage;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of tickets: newest first (by id, which the SDK generates in time order); or, when the filter asks for the
 * SLA monitor's at-risk or overdue tickets, by nearest deadline ({@code TicketSla.nearestDue()}) and then id.
 *
 * <p>As of {@code asOf}, a ticket is overdue when its nearest deadline is not after it, and at risk when its nearest
 * deadline is after it and its earliest warning ({@code TicketSla.earliestWarning()}) is not.
 *
 * @param scope    when present, only tickets of {@code scope.department()} or assigned to {@code scope.assignee()}
 * @param after    only tickets after this one (the previous page's last) in the list's order
 * @param afterDue with {@code after} in an SLA list: the nearest deadline that ticket had on the previous page
 * @param asOf     the instant the SLA lists are computed for
 */
public record TicketQuery(TicketFilter filter, Optional<Scope> scope, Optional<TicketId> after,
                          Optional<Instant> afterDue, Instant asOf, int limit) {
    public TicketQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(afterDue, "afterDue");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** What an actor without {@code ticket.read.all} may see. */
    public record Scope(Optional<DepartmentId> department, UserId assignee) {
    }
}
