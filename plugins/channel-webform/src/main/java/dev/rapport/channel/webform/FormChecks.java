package dev.rapport.channel.webform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the fields of one submission, collecting every field's error rather than stopping at the first. */
final class FormChecks {
    /** The SDK's own rule for customers' addresses, so that an address the form takes is one the SDK stores. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL_CHARS = 254;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]+");
    private static final int MIN_PHONE_DIGITS = 6;
    private static final int MAX_PHONE_DIGITS = 20;

    private final JsonNode form;
    private final List<FieldError> errors = new ArrayList<>();

    FormChecks(JsonNode form) {
        this.form = form;
    }

    /** The field's text, stripped; empty when absent, null, blank or refused (with its error added). */
    Optional<String> line(String field, int maxChars) {
        return text(field, maxChars, false);
    }

    /** Like {@link #line}, but line breaks and tabs are welcome. */
    Optional<String> paragraphs(String field, int maxChars) {
        return text(field, maxChars, true);
    }

    Optional<String> email(String field) {
        Optional<String> email = line(field, MAX_EMAIL_CHARS);
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            add(field, "must be an e-mail address such as li.na@example.com");
            return Optional.empty();
        }
        return email;
    }

    Optional<String> phone(String field) {
        Optional<String> phone = line(field, 40);
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

    /** Whether the field has a value at all, valid or not. */
    boolean given(String field) {
        JsonNode node = form.get(field);
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank());
    }

    void add(String field, String message) {
        errors.add(FieldError.of(field, message));
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    private Optional<String> text(String field, int maxChars, boolean multiline) {
        JsonNode node = form.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            add(field, "must be a string");
            return Optional.empty();
        }
        String text = node.asText().strip();
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
