package dev.rapport.api.error;

import java.util.List;

/** The input is invalid; {@link #errors()} names every failing field, not only the first. */
public final class ValidationException extends RapportException {
    private final List<FieldError> errors;

    /** @param errors every failing field, at least one */
    public ValidationException(List<FieldError> errors) {
        super("validation.failed", describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    /** A refusal of one field. */
    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    /** Every failing field, in the order the fields were checked. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        var text = new StringBuilder("Invalid input:");
        errors.forEach(e -> text.append(' ').append(e.field()).append(" (").append(e.message()).append(')'));
        return text.toString();
    }
}
