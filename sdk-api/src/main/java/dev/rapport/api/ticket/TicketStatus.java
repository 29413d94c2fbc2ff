package dev.rapport.api.ticket;

/**
 * Where a ticket is in its life (SPEC §4): NEW → ASSIGNED → IN_PROGRESS ⇄ WAITING_CUSTOMER / WAITING_INTERNAL →
 * RESOLVED → CLOSED, and RESOLVED → REOPENED → IN_PROGRESS. The SDK refuses every other move.
 */
public enum TicketStatus {
    NEW, ASSIGNED, IN_PROGRESS, WAITING_CUSTOMER, WAITING_INTERNAL, RESOLVED, REOPENED, CLOSED;

    /** Not yet resolved or closed: SLA clocks run (except while waiting for the customer). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
