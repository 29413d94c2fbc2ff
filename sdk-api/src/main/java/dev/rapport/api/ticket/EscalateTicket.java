package dev.rapport.api.ticket;

/**
 * Escalates a ticket one level by hand.
 *
 * @param version the version of the ticket the caller read
 * @param reason  why, required
 */
public record EscalateTicket(long version, String reason) {
}
