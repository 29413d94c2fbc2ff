package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.CollaborationRequested;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.CollaborationId;
import dev.rapport.api.ticket.CollaborationRequest;
import dev.rapport.api.ticket.RequestCollaboration;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Instant;
import java.util.List;

/**
 * SPEC §4's cross-department collaboration: a request for another department's help, recorded on the ticket and
 * told to that department's people. The ticket itself does not change, so its version stays.
 */
final class Collaboration {
    private Collaboration() {
    }

    /**
     * The request's text, stripped.
     *
     * @throws ValidationException naming {@code departmentId} and {@code request} when missing
     */
    static String check(RequestCollaboration command) {
        var checks = FieldChecks.create();
        checks.require("departmentId", command.departmentId());
        String request = checks.text("request", command.request(), TicketRules.MAX_TEXT, true);
        checks.throwIfAny();
        return request;
    }

    /**
     * Records the request on {@code ticket}, audited and announced, inside the caller's transaction.
     *
     * @throws ValidationException naming {@code departmentId} when it is unknown or the ticket's own
     */
    static CollaborationRequest request(Transaction tx, Actor actor, Ticket ticket, DepartmentId department,
                                        String text, CollaborationId id, Instant now) {
        if (department.equals(ticket.departmentId())) {
            throw new ValidationException(FieldError.of("departmentId",
                    "is the ticket's own department: ask another one"));
        }
        if (tx.departments().find(department).isEmpty()) {
            throw new ValidationException(FieldError.of("departmentId", "is not a known department"));
        }
        var request = new CollaborationRequest(id, department, text, actor.userId(), now);
        tx.collaborations().add(ticket.id(), request);
        tx.audit().append(ChangeSet.create()
                .added("collaborationId", id)
                .added("departmentId", department)
                .added("request", text)
                .entry("ticket", ticket.id().value(), now, actor, "ticket.collaboration.requested"));
        tx.outbox().append(new CollaborationRequested(ticket.id(), id, department, text, recipients(tx, department),
                now, actor.userId()));
        return request;
    }

    /**
     * Who hears of a request to {@code department}: its active users who may work tickets, or, in a department
     * without any, the supervisors, so that a request is never told to no one.
     */
    static List<UserId> recipients(Transaction tx, DepartmentId department) {
        var workers = tx.users().ofDepartment(department).stream()
                .filter(User::active)
                .filter(user -> user.permissions().contains(Permission.TICKET_WORK)
                        || user.permissions().contains(Permission.TICKET_WORK_ALL))
                .map(User::id)
                .toList();
        return workers.isEmpty() ? EscalationPeople.supervisors(tx, department) : workers;
    }
}
