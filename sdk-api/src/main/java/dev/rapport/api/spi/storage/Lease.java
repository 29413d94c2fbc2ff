package dev.rapport.api.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's claim on deliveries until {@code until}: afterwards any node may take them again, so work of a node that
 * died is not lost. Outcomes are recorded only under the token that claimed them.
 *
 * @param token unique per claim
 */
public record Lease(String token, Instant until) {
    public Lease {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(until, "until");
    }
}
