package dev.rapport.api.status;

import java.time.Instant;
import java.util.Objects;

/** One customer-visible progress entry as the customer sees it: when, and what was done; never who did it. */
public record StatusEntry(Instant at, String action) {
    public StatusEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }
}
