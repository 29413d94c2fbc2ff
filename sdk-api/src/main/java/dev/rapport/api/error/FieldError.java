package dev.rapport.api.error;

import java.util.Objects;

/**
 * One reason a field of a command was refused.
 *
 * @param field   the field's name as clients spell it, dotted for nested ones ({@code contacts[0].phone})
 * @param message what is wrong, for a person to read
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The error of {@code field}. */
    public static FieldError of(String field, String message) {
        return new FieldError(field, message);
    }
}
