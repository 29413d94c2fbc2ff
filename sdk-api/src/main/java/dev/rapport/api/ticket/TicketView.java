package dev.rapport.api.ticket;

/** How much of a ticket a reader sees ({@link TicketDetails#view()}). */
public enum TicketView {
    /** Everything recorded on it: the ticket is the reader's department's, assigned to them, watched or all-readable. */
    FULL,
    /**
     * What the customer may know, for its intake owner and the front line that serves the customer: the ticket with its
     * status and due times, the customer-visible progress entries and the customer's confirmations; no internal notes,
     * exceptions, collaborations, watchers or requirement trail.
     */
    CUSTOMER_VISIBLE
}
