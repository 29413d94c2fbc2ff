package dev.rapport.api;

import dev.rapport.api.error.FieldError;

import java.util.Optional;

/**
 * Text that every storage keeps as it was given: without NUL (U+0000), which PostgreSQL cannot store in text, and
 * without unpaired surrogates (a lone half of a UTF-16 pair is no character and has no UTF-8 form). Every text field
 * of every command and query is refused with a {@link dev.rapport.api.error.ValidationException} naming the field
 * (HTTP 422) when it holds either, before anything is stored. Commands may refuse further control characters.
 *
 * <p>Stateless and thread-safe.
 */
public final class StorableText {
    private StorableText() {
    }

    /** Whether {@code text} holds neither NUL nor an unpaired surrogate; true for null (nothing to store). */
    public static boolean accepts(String text) {
        return problem(text).isEmpty();
    }

    /** The error of {@code field} when {@code text} holds NUL or an unpaired surrogate; empty for null or good text. */
    public static Optional<FieldError> check(String field, String text) {
        return problem(text).map(message -> FieldError.of(field, message));
    }

    private static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain NUL (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (U+%04X)".formatted((int) c));
            }
        }
        return Optional.empty();
    }
}
