package dev.rapport.api.error;

import java.time.Duration;
import java.util.Objects;

/** Too many attempts; the caller may try again after {@link #retryAfter()}. */
public final class RateLimitedException extends RapportException {
    private final Duration retryAfter;

    public RateLimitedException(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
