package dev.rapport.api.ticket;

/** What got in the way of a ticket (SPEC §4 exceptions). */
public enum ExceptionKind {
    /** People or equipment the work needs are taken elsewhere. */
    RESOURCE_CONFLICT,
    /** The customer changed what they ask for; change requests keep these in their trail. */
    REQUIREMENT_CHANGE,
    /** Someone outside our control holds the work up: a supplier, a carrier, the customer's own IT. */
    EXTERNAL_BLOCKER
}
