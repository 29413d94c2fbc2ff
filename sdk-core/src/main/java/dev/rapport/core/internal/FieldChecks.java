package dev.rapport.core.internal;

import dev.rapport.api.StorableText;
import dev.rapport.api.TimeLimits;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Collects every field error of one command, so the caller hears of all of them at once. */
public final class FieldChecks {
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private final List<FieldError> errors = new ArrayList<>();

    public static FieldChecks create() {
        return new FieldChecks();
    }

    /**
     * The stripped text, or null (and an error) when required and blank; an error when longer than {@code max} or
     * holding control characters other than tab and line breaks (PostgreSQL cannot even store NUL) or an unpaired
     * surrogate ({@link StorableText}).
     */
    public String text(String field, String value, int max, boolean required) {
        if (!StorableText.accepts(value)) {
            StorableText.check(field, value).ifPresent(errors::add);
            return null;
        }
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (stripped.length() > max) {
            add(field, "must be at most " + max + " characters");
        } else if (CONTROL.matcher(stripped).find()) {
            add(field, "must not contain control characters");
        }
        return stripped;
    }

    public Optional<String> optionalText(String field, Optional<String> value, int max) {
        return Optional.ofNullable(text(field, value.orElse(null), max, false));
    }

    /** Records an error when {@code value} lies outside {@link TimeLimits}; null passes. */
    public LocalDate date(String field, LocalDate value) {
        TimeLimits.check(field, value).ifPresent(errors::add);
        return value;
    }

    /** Records an error when {@code value} lies outside {@link TimeLimits}; null passes. */
    public Instant instant(String field, Instant value) {
        TimeLimits.check(field, value).ifPresent(errors::add);
        return value;
    }

    /** Records an error when {@code value} lies outside {@link TimeLimits}; null passes. */
    public YearMonth month(String field, YearMonth value) {
        TimeLimits.check(field, value).ifPresent(errors::add);
        return value;
    }

    /** Records an error when {@code value} is negative or longer than {@link TimeLimits#LONGEST_DURATION}; null passes. */
    public Duration duration(String field, Duration value) {
        TimeLimits.check(field, value).ifPresent(errors::add);
        return value;
    }

    /** Records an error when {@code value} holds NUL or an unpaired surrogate ({@link StorableText}); null passes. */
    public String storable(String field, String value) {
        StorableText.check(field, value).ifPresent(errors::add);
        return value;
    }

    public <T> T require(String field, T value) {
        if (value == null || value instanceof Optional<?> o && o.isEmpty()) {
            add(field, "is required");
        }
        return value;
    }

    public FieldChecks add(String field, String message) {
        errors.add(FieldError.of(field, message));
        return this;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** @throws ValidationException listing every error collected so far */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
