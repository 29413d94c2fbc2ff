package dev.rapport.api.report;

/** How a KPI report breaks its figures down beside the overall ones (SPEC §7). */
public enum Grouping {
    /** By the department a ticket is with. */
    DEPARTMENT,
    /** By ticket type. */
    TYPE,
    /** By priority, P1 to P4. */
    PRIORITY,
    /** By the agent a ticket is assigned to; unassigned tickets form a group of their own. */
    AGENT
}
