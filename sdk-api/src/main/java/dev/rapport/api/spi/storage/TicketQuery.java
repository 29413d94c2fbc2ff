package dev.rapport.api.spi.storage;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of tickets, newest first (by id, which the SDK generates in time order).
 *
 * @param scope when present, only tickets of {@code scope.department()} or assigned to {@code scope.assignee()}
 * @param after only tickets older than this one (the previous page's last)
 */
public record TicketQuery(TicketFilter filter, Optional<Scope> scope, Optional<TicketId> after, int limit) {
    public TicketQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(after, "after");
    }

    /** What an actor without {@code ticket.read.all} may see. */
    public record Scope(Optional<DepartmentId> department, UserId assignee) {
    }
}
