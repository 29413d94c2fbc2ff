package dev.rapport.api.ticket;

/** Where a ticket came in. */
public enum IntakeChannel { PHONE, EMAIL, WEB, CHAT, WALK_IN, PORTAL, OTHER }
