package dev.rapport.api.ticket;

/** Who may see a progress entry. The first CUSTOMER entry of a ticket is its first response. */
public enum Visibility { INTERNAL, CUSTOMER }
