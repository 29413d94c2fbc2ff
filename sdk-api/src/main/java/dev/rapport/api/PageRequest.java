package dev.rapport.api;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a list to read: at most {@code limit} items after an opaque {@code cursor}.
 *
 * @param limit  1 to {@value #MAX_LIMIT}
 * @param cursor a {@link Page#nextCursor()} from an earlier page, or empty for the first page
 */
public record PageRequest(int limit, Optional<String> cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** @throws ValidationException naming {@code limit} when it is outside 1..{@value #MAX_LIMIT} */
    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException(FieldError.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
    }

    /** The first {@value #DEFAULT_LIMIT} items. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, Optional.empty());
    }

    /** The first {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** The {@code limit} items after {@code cursor}. */
    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(limit, Optional.of(cursor));
    }
}
