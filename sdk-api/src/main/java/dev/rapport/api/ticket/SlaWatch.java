package dev.rapport.api.ticket;

/** The SLA monitor's two lists (SPEC §5): running targets past 80 %, and running targets already missed. */
public enum SlaWatch { AT_RISK, OVERDUE }
