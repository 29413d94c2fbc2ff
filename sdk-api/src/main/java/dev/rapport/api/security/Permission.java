package dev.rapport.api.security;

import java.util.Optional;

/** What an actor may do. Roles are named bundles of these; checks are always by permission. */
public enum Permission {
    /** See customer profiles (contact details masked without {@link #CUSTOMER_PII_READ}). */
    CUSTOMER_READ("customer.read",
            "See customer profiles (contact details masked without customer.pii.read)."),
    /** Create and edit customers. */
    CUSTOMER_WRITE("customer.write",
            "Create and edit customers."),
    /** Merge a duplicate customer into another: irreversible, so not every writer's. */
    CUSTOMER_MERGE("customer.merge",
            "Merge a duplicate customer into another: irreversible, so not every writer's."),
    /** See contact phone numbers and e-mail addresses unmasked. */
    CUSTOMER_PII_READ("customer.pii.read",
            "See contact phone numbers and e-mail addresses unmasked."),
    /** Open tickets for any customer. */
    TICKET_CREATE("ticket.create",
            "Open tickets for any customer."),
    /** See tickets of the own department and tickets assigned to oneself. */
    TICKET_READ("ticket.read",
            "See tickets of the own department and tickets assigned to oneself."),
    /** See every ticket. */
    TICKET_READ_ALL("ticket.read.all",
            "See every ticket."),
    /**
     * Front line: see the status, due times and customer-visible progress of every ticket of a customer one serves (a
     * customer for whom oneself or someone of one's department filed a ticket), without working it, so that whoever
     * takes the customer's call can say where their request stands.
     */
    TICKET_READ_FRONT_LINE("ticket.read.front-line",
            "Front line: see the status, due times and customer-visible progress of every ticket of a customer one "
                    + "serves, without working it."),
    /** Work on tickets of the own department and tickets assigned to oneself: progress, resolve, confirm. */
    TICKET_WORK("ticket.work",
            "Work on tickets of the own department and tickets assigned to oneself: progress, resolve, confirm."),
    /** Work on every ticket. */
    TICKET_WORK_ALL("ticket.work.all",
            "Work on every ticket."),
    /** Assign, reassign and redirect tickets to other people and departments. */
    TICKET_ASSIGN("ticket.assign",
            "Assign, reassign and redirect tickets to other people and departments."),
    /** Reassign a ticket an expert has accepted (first-ask ownership): supervisors only. */
    TICKET_REASSIGN_OWNED("ticket.reassign.owned",
            "Reassign a ticket an expert has accepted (first-ask ownership): supervisors only."),
    /** Accept an escalated ticket of the own department and own it to closure. */
    TICKET_ACCEPT("ticket.accept",
            "Accept an escalated ticket of the own department and own it to closure."),
    /** List and look up users, e.g. to pick an assignee. */
    USER_READ("user.read",
            "List and look up users, e.g. to pick an assignee."),
    /** Create users, bind them to departments and roles, and define roles. */
    USER_ADMIN("user.admin",
            "Create users, bind them to departments and roles, and define roles."),
    /** Create departments. */
    DEPARTMENT_ADMIN("department.admin",
            "Create departments."),
    /** Change the ticket-type catalog. */
    CATALOG_ADMIN("catalog.admin",
            "Change the ticket-type catalog."),
    /** Change SLA policies and business calendars. */
    SLA_ADMIN("sla.admin",
            "Change SLA policies and business calendars."),
    /** See events that could not be delivered (dead letters) and send them again. */
    EVENTS_ADMIN("events.admin",
            "See events that could not be delivered (dead letters) and send them again."),
    /** See improvements and improvement suggestions. */
    IMPROVEMENT_READ("improvement.read",
            "See improvements and improvement suggestions."),
    /** Create and change any improvement, and adopt or dismiss suggestions. */
    IMPROVEMENT_MANAGE("improvement.manage",
            "Create and change any improvement, and adopt or dismiss suggestions."),
    /** See the KPI reports and the monthly review of one's own department. */
    REPORT_READ("report.read",
            "See the KPI reports and the monthly review of one's own department."),
    /** See the KPI reports of every department and of the whole service. */
    REPORT_READ_ALL("report.read.all",
            "See the KPI reports of every department and of the whole service."),
    /** See, complete and skip the follow-ups one owns. */
    FOLLOW_UP_WORK("follow-up.work",
            "See, complete and skip the follow-ups one owns."),
    /** See, complete and skip the follow-ups of the own department as well. */
    FOLLOW_UP_WORK_DEPARTMENT("follow-up.work.department",
            "See, complete and skip the follow-ups of the own department as well."),
    /** See, complete and skip every follow-up. */
    FOLLOW_UP_WORK_ALL("follow-up.work.all",
            "See, complete and skip every follow-up.");

    private final String key;
    private final String description;

    Permission(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The stable dotted name, e.g. {@code customer.pii.read}. */
    public String key() {
        return key;
    }

    /** What the permission allows, in English, as the console shows it. */
    public String description() {
        return description;
    }

    /** The permission with this {@link #key()}, if any. */
    public static Optional<Permission> ofKey(String key) {
        for (var permission : values()) {
            if (permission.key.equals(key)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }
}
