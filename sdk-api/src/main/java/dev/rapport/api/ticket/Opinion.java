package dev.rapport.api.ticket;

/** The customer's answer to a resolution: SATISFIED closes the ticket, the others reopen it. */
public enum Opinion { SATISFIED, NEEDS_ADJUSTMENT, UNSATISFIED }
