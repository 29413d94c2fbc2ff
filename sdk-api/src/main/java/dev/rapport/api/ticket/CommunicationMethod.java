package dev.rapport.api.ticket;

/** How something was told to the customer. */
public enum CommunicationMethod {
    PHONE, EMAIL, IN_PERSON, PORTAL,
    /** The customer answered on their status page themselves. */
    ONLINE
}
