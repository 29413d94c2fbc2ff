package dev.rapport.api.notice;

/** What a notice tells of. */
public enum NoticeType {
    /** The ticket was resolved. */
    TICKET_RESOLVED,
    /** The ticket was reopened: the customer was not satisfied with its resolution. */
    TICKET_REOPENED,
    /** One of the ticket's SLA deadlines passed. */
    SLA_BREACHED
}
