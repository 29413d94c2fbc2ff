package dev.rapport.storage.jdbc;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.CollaborationStore;
import dev.rapport.api.ticket.CollaborationId;
import dev.rapport.api.ticket.CollaborationRequest;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;

import java.util.List;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/** Tickets' collaboration requests in {@code ticket_collaborations}. */
final class JdbcCollaborationStore implements CollaborationStore {
    private final Handle handle;

    JdbcCollaborationStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void add(TicketId ticket, CollaborationRequest request) {
        handle.createUpdate("INSERT INTO ticket_collaborations (id, ticket_id, department_id, request, requested_by, "
                        + "requested_at) VALUES (:id, :ticketId, :departmentId, :request, :requestedBy, :at)")
                .bind("id", request.id().value())
                .bind("ticketId", ticket.value())
                .bind("departmentId", request.departmentId().value())
                .bind("request", request.request())
                .bind("requestedBy", request.requestedBy().value())
                .bind("at", instant(request.at()))
                .execute();
    }

    @Override
    public List<CollaborationRequest> of(TicketId ticket) {
        return DirectSql.list(handle, "SELECT id, department_id, request, requested_by, requested_at "
                        + "FROM ticket_collaborations WHERE ticket_id = ? ORDER BY requested_at, id",
                statement -> statement.setString(1, ticket.value()),
                rs -> new CollaborationRequest(CollaborationId.of(rs.getString(1)), DepartmentId.of(rs.getString(2)),
                        rs.getString(3), UserId.of(rs.getString(4)), instant(rs, 5)));
    }
}
