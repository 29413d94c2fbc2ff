package dev.rapport.api.ticket;

import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * A front-line user and their department. The front line <em>serves</em> a customer when the user, or anyone of the
 * department, filed a ticket for that customer (is its {@link IntakeOwner}): whoever of the team takes the customer's
 * next call can then tell them where each of their tickets stands.
 */
public record FrontLine(UserId userId, Optional<DepartmentId> departmentId) {
    public FrontLine {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(departmentId, "departmentId");
    }

    /** The front line of {@code actor}: the actor's user and department. */
    public static FrontLine of(Actor actor) {
        return new FrontLine(actor.userId(), actor.departmentId());
    }
}
