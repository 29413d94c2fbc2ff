package dev.rapport.toolkit.text;

import dev.rapport.api.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the text fields of one message a customer sent through a channel (a web form, a chat event), collecting every
 * field's error rather than stopping at the first, for the channel to refuse the message naming them all. A channel
 * reads its own format and hands each field's raw text here ({@code null} when the field is absent or null). A text is
 * taken stripped, and refused when it holds control characters (line breaks and tabs are welcome where several lines
 * are), unpaired surrogates, or more characters (code points) than allowed. Not thread-safe: one per message.
 */
public final class TextFields {
    /** The SDK's own rule for customers' addresses, so that an address a channel takes is one the SDK stores. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL_CHARS = 254;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]+");
    private static final int MAX_PHONE_CHARS = 40;
    private static final int MIN_PHONE_DIGITS = 6;
    private static final int MAX_PHONE_DIGITS = 20;

    private final List<FieldError> errors = new ArrayList<>();

    /** One line of text, stripped; empty when absent, blank or refused (its error kept under {@code field}). */
    public Optional<String> line(String field, String raw, int maxChars) {
        return text(field, raw, maxChars, false);
    }

    /** Like {@link #line}, but line breaks and tabs are welcome. */
    public Optional<String> paragraphs(String field, String raw, int maxChars) {
        return text(field, raw, maxChars, true);
    }

    /** Like {@link #line}, and an error when absent or blank. */
    public Optional<String> requiredLine(String field, String raw, int maxChars) {
        return required(field, raw, line(field, raw, maxChars));
    }

    /** Like {@link #paragraphs}, and an error when absent or blank. */
    public Optional<String> requiredParagraphs(String field, String raw, int maxChars) {
        return required(field, raw, paragraphs(field, raw, maxChars));
    }

    /** An e-mail address of at most 254 characters, as the SDK stores customers' addresses. */
    public Optional<String> email(String field, String raw) {
        Optional<String> email = line(field, raw, MAX_EMAIL_CHARS);
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            add(field, "must be an e-mail address such as li.na@example.com");
            return Optional.empty();
        }
        return email;
    }

    /** A phone number of 6 to 20 digits, with only spaces, hyphens, parentheses and a leading {@code +} besides. */
    public Optional<String> phone(String field, String raw) {
        Optional<String> phone = line(field, raw, MAX_PHONE_CHARS);
        if (phone.isPresent()) {
            long digits = phone.get().chars().filter(c -> c >= '0' && c <= '9').count();
            if (!PHONE.matcher(phone.get()).matches() || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
                add(field, "must be a phone number of " + MIN_PHONE_DIGITS + " to " + MAX_PHONE_DIGITS
                        + " digits, with only spaces, -, parentheses and a leading + besides");
                return Optional.empty();
            }
        }
        return phone;
    }

    /** Keeps an error of the channel's own, e.g. {@code "must be a string"} for a field of another JSON type. */
    public void add(String field, String message) {
        errors.add(FieldError.of(field, message));
    }

    /** Every error kept so far, in the order found. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    private Optional<String> required(String field, String raw, Optional<String> value) {
        // A value refused for what it holds has its error already; only an absent or blank one is missing.
        if (value.isEmpty() && (raw == null || raw.isBlank())) {
            add(field, "is required");
        }
        return value;
    }

    private Optional<String> text(String field, String raw, int maxChars, boolean multiline) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!storable(text, multiline)) {
            add(field, multiline ? "must be text without control characters"
                    : "must be a single line of text without control characters");
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > maxChars) {
            add(field, "must be at most " + maxChars + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** No control characters (NUL would not even fit in a PostgreSQL text column) and no broken surrogate pairs. */
    private static boolean storable(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }
}
