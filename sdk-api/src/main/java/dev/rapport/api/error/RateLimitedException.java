package dev.rapport.api.error;

import java.time.Duration;
import java.util.Objects;

/** Too many attempts; the caller may try again after {@link #retryAfter()}. */
public final class RateLimitedException extends RapportException {
    private final Duration retryAfter;

    /** A refusal with its stable {@code code}, a message for people, and when to try again. */
    public RateLimitedException(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long the caller should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
