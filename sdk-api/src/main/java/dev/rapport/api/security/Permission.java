package dev.rapport.api.security;

/** What an actor may do. Roles are named bundles of these; checks are always by permission. */
public enum Permission {
    /** See customer profiles (contact details masked without {@link #CUSTOMER_PII_READ}). */
    CUSTOMER_READ("customer.read"),
    /** Create and edit customers. */
    CUSTOMER_WRITE("customer.write"),
    /** Merge a duplicate customer into another: irreversible, so not every writer's. */
    CUSTOMER_MERGE("customer.merge"),
    /** See contact phone numbers and e-mail addresses unmasked. */
    CUSTOMER_PII_READ("customer.pii.read"),
    /** Open tickets for any customer. */
    TICKET_CREATE("ticket.create"),
    /** See tickets of the own department and tickets assigned to oneself. */
    TICKET_READ("ticket.read"),
    /** See every ticket. */
    TICKET_READ_ALL("ticket.read.all"),
    /**
     * Front line: see the status, due times and customer-visible progress of every ticket of a customer one serves (a
     * customer for whom oneself or someone of one's department filed a ticket), without working it, so that whoever
     * takes the customer's call can say where their request stands.
     */
    TICKET_READ_FRONT_LINE("ticket.read.front-line"),
    /** Work on tickets of the own department and tickets assigned to oneself: progress, resolve, confirm. */
    TICKET_WORK("ticket.work"),
    /** Work on every ticket. */
    TICKET_WORK_ALL("ticket.work.all"),
    /** Assign, reassign and redirect tickets to other people and departments. */
    TICKET_ASSIGN("ticket.assign"),
    /** Reassign a ticket an expert has accepted (first-ask ownership): supervisors only. */
    TICKET_REASSIGN_OWNED("ticket.reassign.owned"),
    /** Accept an escalated ticket of the own department and own it to closure. */
    TICKET_ACCEPT("ticket.accept"),
    /** List and look up users, e.g. to pick an assignee. */
    USER_READ("user.read"),
    /** Create users and bind them to departments and roles. */
    USER_ADMIN("user.admin"),
    /** Create departments. */
    DEPARTMENT_ADMIN("department.admin"),
    /** Change the ticket-type catalog. */
    CATALOG_ADMIN("catalog.admin"),
    /** Change SLA policies and business calendars. */
    SLA_ADMIN("sla.admin"),
    /** See events that could not be delivered (dead letters) and send them again. */
    EVENTS_ADMIN("events.admin"),
    /** See improvements and improvement suggestions. */
    IMPROVEMENT_READ("improvement.read"),
    /** Create and change any improvement, and adopt or dismiss suggestions. */
    IMPROVEMENT_MANAGE("improvement.manage"),
    /** See the KPI reports and the monthly review of one's own department. */
    REPORT_READ("report.read"),
    /** See the KPI reports of every department and of the whole service. */
    REPORT_READ_ALL("report.read.all"),
    /** See, complete and skip the follow-ups one owns. */
    FOLLOW_UP_WORK("follow-up.work"),
    /** See, complete and skip the follow-ups of the own department as well. */
    FOLLOW_UP_WORK_DEPARTMENT("follow-up.work.department"),
    /** See, complete and skip every follow-up. */
    FOLLOW_UP_WORK_ALL("follow-up.work.all");

    private final String key;

    Permission(String key) {
        this.key = key;
    }

    /** The stable dotted name, e.g. {@code customer.pii.read}. */
    public String key() {
        return key;
    }
}
