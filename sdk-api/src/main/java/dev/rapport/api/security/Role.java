package dev.rapport.api.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static dev.rapport.api.security.Permission.*;

/** A named bundle of permissions (SPEC §2). A user may hold several roles. */
public enum Role {
    /**
     * Front line: customers, the tickets of the own department, the status of every ticket of the customers it serves,
     * the own follow-ups.
     */
    AGENT(EnumSet.of(CUSTOMER_READ, CUSTOMER_WRITE, CUSTOMER_PII_READ, TICKET_CREATE, TICKET_READ, TICKET_READ_FRONT_LINE,
            TICKET_WORK, USER_READ, FOLLOW_UP_WORK, IMPROVEMENT_READ)),
    /** Tier 2: works escalated tickets and the own follow-ups; sees customers without their contact details. */
    EXPERT(EnumSet.of(CUSTOMER_READ, TICKET_CREATE, TICKET_READ, TICKET_WORK, TICKET_ACCEPT, USER_READ, FOLLOW_UP_WORK,
            IMPROVEMENT_READ)),
    /** Tier 3: key accounts and their follow-ups. */
    ACCOUNT_MANAGER(EnumSet.of(CUSTOMER_READ, CUSTOMER_WRITE, CUSTOMER_PII_READ, TICKET_CREATE, TICKET_READ, TICKET_WORK, USER_READ,
            FOLLOW_UP_WORK, IMPROVEMENT_READ)),
    /** Assigns and reassigns, watches every ticket, merges duplicate customers and the department's follow-ups, runs improvements. */
    SUPERVISOR(EnumSet.of(CUSTOMER_READ, CUSTOMER_WRITE, CUSTOMER_MERGE, CUSTOMER_PII_READ, TICKET_CREATE, TICKET_READ, TICKET_READ_ALL,
            TICKET_WORK, TICKET_WORK_ALL, TICKET_ASSIGN, TICKET_REASSIGN_OWNED, TICKET_ACCEPT, USER_READ,
            FOLLOW_UP_WORK, FOLLOW_UP_WORK_DEPARTMENT, REPORT_READ, IMPROVEMENT_READ, IMPROVEMENT_MANAGE)),
    /**
     * Users, departments, catalogs, event delivery, improvements and customer merges; reads everything, works no tickets, oversees all
     * follow-ups.
     */
    ADMIN(EnumSet.of(USER_READ, USER_ADMIN, DEPARTMENT_ADMIN, SLA_ADMIN, CATALOG_ADMIN, EVENTS_ADMIN, CUSTOMER_READ,
            CUSTOMER_MERGE,
            TICKET_READ, TICKET_READ_ALL, FOLLOW_UP_WORK_ALL, REPORT_READ, REPORT_READ_ALL, IMPROVEMENT_READ,
            IMPROVEMENT_MANAGE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    /** The permissions this role grants. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** The union of the permissions of {@code roles}. */
    public static Set<Permission> permissionsOf(Set<Role> roles) {
        var all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions));
        return Collections.unmodifiableSet(all);
    }
}
