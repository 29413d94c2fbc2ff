package dev.rapport.api.ticket;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a change request's trail of requirement changes (SPEC §4): an earlier change request it is linked to,
 * or a requirement change recorded on one of them or on the change request itself.
 *
 * @param ticketNumber the number of the ticket the step belongs to
 * @param at           when the earlier change request was opened, or the requirement change recorded
 * @param summary      the change request's title (its description when it has none), or the change's description
 * @param by           who opened the change request, or recorded the change
 */
public record RequirementTrailEntry(Kind kind, TicketId ticketId, String ticketNumber, Instant at, String summary,
                                    UserId by) {
    /** What a step of the trail is. */
    public enum Kind {
        /** An earlier change request the ticket is linked to, directly or through other linked tickets. */
        CHANGE_REQUEST,
        /** A {@link ExceptionKind#REQUIREMENT_CHANGE} exception on one of the trail's change requests. */
        REQUIREMENT_CHANGE
    }

    public RequirementTrailEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(by, "by");
    }
}
