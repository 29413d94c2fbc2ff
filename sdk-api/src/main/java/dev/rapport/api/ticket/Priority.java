package dev.rapport.api.ticket;

/** P1 (core business down) to P4 (routine enquiry); decides the SLA targets. */
public enum Priority { P1, P2, P3, P4 }
