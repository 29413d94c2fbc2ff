package dev.rapport.api.ticket;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * Another department's help, asked for on a ticket (SPEC §4 cross-department collaboration).
 *
 * @param departmentId the department asked; never the ticket's own
 * @param request      what is asked of it
 */
public record CollaborationRequest(CollaborationId id, DepartmentId departmentId, String request, UserId requestedBy,
                                   Instant at) {
    public CollaborationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(departmentId, "departmentId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(at, "at");
    }
}
