package dev.rapport.api.ticket;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.util.Optional;

/**
 * Assigns a ticket to a person, or redirects it to another department's queue, or both.
 *
 * @param version      the version of the ticket the caller read
 * @param departmentId the department to move the ticket to; empty keeps the current one
 * @param assigneeId   a member of the (new) department; empty puts the ticket back into that department's queue
 */
public record AssignTicket(long version, Optional<DepartmentId> departmentId, Optional<UserId> assigneeId) {
    public AssignTicket {
        departmentId = departmentId == null ? Optional.empty() : departmentId;
        assigneeId = assigneeId == null ? Optional.empty() : assigneeId;
    }

    public static AssignTicket to(UserId assignee, long version) {
        return new AssignTicket(version, Optional.empty(), Optional.of(assignee));
    }
}
