package dev.rapport.api.report;

import java.util.Optional;

/**
 * A share: {@code hits} out of {@code total}. Kept as the two counts, so that a rate of nothing ({@code 0/0}) stays
 * distinguishable from a rate of zero.
 */
public record Rate(long hits, long total) {
    /** No cases at all. */
    public static final Rate NONE = new Rate(0, 0);

    public Rate {
        if (hits < 0 || total < hits) {
            throw new IllegalArgumentException("a rate needs 0 <= hits <= total, not " + hits + "/" + total);
        }
    }

    /** The share between 0 and 1; empty without cases. */
    public Optional<Double> value() {
        return total == 0 ? Optional.empty() : Optional.of((double) hits / total);
    }
}
