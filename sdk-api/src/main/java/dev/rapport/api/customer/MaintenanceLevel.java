package dev.rapport.api.customer;

/** How much proactive care a customer gets: HIGH quarterly reviews, MEDIUM monthly calls, LOW none. */
public enum MaintenanceLevel { HIGH, MEDIUM, LOW }
