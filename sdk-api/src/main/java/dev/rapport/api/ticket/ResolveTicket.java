package dev.rapport.api.ticket;

/** Marks a ticket resolved with the solution and how it was communicated; the customer then confirms. */
public record ResolveTicket(long version, String solution, CommunicationMethod communicatedVia) {
}
