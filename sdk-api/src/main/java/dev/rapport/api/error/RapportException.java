package dev.rapport.api.error;

import java.util.Objects;

/**
 * An expected refusal: the input, the state or the caller's rights do not allow the operation, and nothing
 * was changed. Each carries a stable machine-readable {@link #code()} such as {@code ticket.close.unconfirmed}.
 * Any other exception thrown by the SDK is a bug or an outage.
 */
public abstract sealed class RapportException extends RuntimeException
        permits ValidationException, NotFoundException, ConflictException, DuplicateException, ForbiddenException,
                UnauthorizedException, RateLimitedException, PayloadTooLargeException, UnsupportedMediaTypeException,
                GoneException {

    private final String code;

    protected RapportException(String code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A stable dotted identifier of the case, for clients to branch on. */
    public String code() {
        return code;
    }
}
