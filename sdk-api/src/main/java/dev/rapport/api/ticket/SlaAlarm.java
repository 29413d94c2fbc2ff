package dev.rapport.api.ticket;

/** What the SLA engine raises on the way to a deadline: a warning at 80 % of the target, then the breach. */
public enum SlaAlarm { WARNING, BREACH }
