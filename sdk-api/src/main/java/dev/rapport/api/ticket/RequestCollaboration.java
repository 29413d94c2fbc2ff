package dev.rapport.api.ticket;

import dev.rapport.api.security.DepartmentId;

/**
 * Asks another department for help with a ticket.
 *
 * @param departmentId required: a known department other than the ticket's own
 * @param request      what is asked of it, required
 */
public record RequestCollaboration(DepartmentId departmentId, String request) {
}
