package dev.rapport.core.internal.routing;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.TicketType;

/** SPEC §4 routing: a new ticket goes to its type's default department, where it waits to be assigned. */
public final class TicketRouter {
    public DepartmentId route(TicketType type) {
        return type.defaultDepartment();
    }
}
