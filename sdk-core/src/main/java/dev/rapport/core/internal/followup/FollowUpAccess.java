package dev.rapport.core.internal.followup;

import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.storage.FollowUpQuery;

import java.util.Optional;

/**
 * Who may see, complete and skip a follow-up: holders of {@code follow-up.work.all} any; holders of
 * {@code follow-up.work.department} also those of their department; holders of {@code follow-up.work} their own.
 */
final class FollowUpAccess {
    private FollowUpAccess() {
    }

    /** @throws ForbiddenException when the actor holds none of the follow-up permissions */
    static void requireAny(Actor actor) {
        if (!actor.has(Permission.FOLLOW_UP_WORK) && !actor.has(Permission.FOLLOW_UP_WORK_DEPARTMENT)
                && !actor.has(Permission.FOLLOW_UP_WORK_ALL)) {
            throw ForbiddenException.missing(Permission.FOLLOW_UP_WORK.key());
        }
    }

    /** @throws ForbiddenException when the follow-up is out of the actor's reach */
    static void require(Actor actor, FollowUp followUp) {
        requireAny(actor);
        if (!reaches(actor, followUp)) {
            throw ForbiddenException.of("follow-up.out-of-scope",
                    "Follow-up " + followUp.id() + " is neither yours nor of a department you oversee");
        }
    }

    /** Whether the actor may see the follow-ups of a customer's timeline at all. */
    static boolean any(Actor actor) {
        return actor.has(Permission.FOLLOW_UP_WORK) || actor.has(Permission.FOLLOW_UP_WORK_DEPARTMENT)
                || actor.has(Permission.FOLLOW_UP_WORK_ALL);
    }

    /** The follow-ups a listing may show the actor; empty means all. */
    static Optional<FollowUpQuery.Scope> scope(Actor actor) {
        requireAny(actor);
        if (actor.has(Permission.FOLLOW_UP_WORK_ALL)) {
            return Optional.empty();
        }
        var department = actor.has(Permission.FOLLOW_UP_WORK_DEPARTMENT) ? actor.departmentId()
                : Optional.<DepartmentId>empty();
        return Optional.of(new FollowUpQuery.Scope(actor.userId(), department));
    }

    private static boolean reaches(Actor actor, FollowUp followUp) {
        return actor.has(Permission.FOLLOW_UP_WORK_ALL)
                || followUp.ownerId().equals(actor.userId())
                || actor.has(Permission.FOLLOW_UP_WORK_DEPARTMENT)
                && followUp.departmentId().filter(actor::isIn).isPresent();
    }
}
