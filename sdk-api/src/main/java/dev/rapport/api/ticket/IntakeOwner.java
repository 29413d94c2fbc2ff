package dev.rapport.api.ticket;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * The user who filed a ticket for the customer, and their department at the time. Recorded once at intake and never
 * changed: the intake owner keeps reading the ticket's status and customer-visible progress wherever it is routed,
 * and is told when it is resolved, reopened or breaches its SLA. Tickets that came in through a channel, or that the
 * host filed as {@code Actor.system()}, have none.
 *
 * @param userId       who filed the ticket
 * @param departmentId their department when they filed it; the front line of that department serves the customer
 */
public record IntakeOwner(UserId userId, Optional<DepartmentId> departmentId) {
    public IntakeOwner {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(departmentId, "departmentId");
    }
}
