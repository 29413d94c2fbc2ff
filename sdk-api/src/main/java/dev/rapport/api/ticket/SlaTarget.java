package dev.rapport.api.ticket;

/** The deadlines an SLA policy sets for a ticket. */
public enum SlaTarget { FIRST_RESPONSE, RESOLUTION, CUSTOMER_UPDATE }
