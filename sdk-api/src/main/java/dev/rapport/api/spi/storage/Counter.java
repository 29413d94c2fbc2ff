package dev.rapport.api.spi.storage;

/** Counters behind human-readable numbers. */
public enum Counter {
    /** Behind customer codes such as C2026000123. */
    CUSTOMER_CODE,
    /** Behind ticket numbers such as T2026000042. */
    TICKET_NUMBER
}
