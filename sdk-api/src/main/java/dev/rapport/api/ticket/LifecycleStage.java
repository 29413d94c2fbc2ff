package dev.rapport.api.ticket;

/** The customer life-cycle stage a ticket type belongs to, for reporting. */
public enum LifecycleStage { PRE_SALES, IN_SALES, AFTER_SALES, VALUE_ADDED }
