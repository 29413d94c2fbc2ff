package dev.rapport.api.ticket;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;

/** How a ticket was resolved and how the solution was told to the customer. */
public record Resolution(String solution, CommunicationMethod communicatedVia, UserId resolvedBy, Instant at) {
    public Resolution {
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(communicatedVia, "communicatedVia");
        Objects.requireNonNull(resolvedBy, "resolvedBy");
        Objects.requireNonNull(at, "at");
    }
}
