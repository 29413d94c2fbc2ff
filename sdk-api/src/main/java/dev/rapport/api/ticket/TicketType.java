package dev.rapport.api.ticket;

import dev.rapport.api.security.DepartmentId;

import java.util.Objects;

/**
 * An entry of the ticket-type catalog: new tickets of this type are routed to {@code defaultDepartment}.
 *
 * @param code permanent upper-case code such as {@code COMPLAINT}
 */
public record TicketType(String code, String name, DepartmentId defaultDepartment, LifecycleStage stage) {
    public TicketType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultDepartment, "defaultDepartment");
        Objects.requireNonNull(stage, "stage");
    }
}
