package dev.rapport.channel.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads string fields of a JSON object, collecting every field's error rather than stopping at the first. */
final class Fields {
    /** The SDK's own rule for customers' addresses, so that an address taken here is one the SDK stores. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]+");
    private static final int MIN_PHONE_DIGITS = 6;
    private static final int MAX_PHONE_DIGITS = 20;

    private final List<FieldError> errors = new ArrayList<>();

    /** The text of {@code node}'s {@code name} (its error named {@code path}), stripped; empty when absent or bad. */
    Optional<String> line(JsonNode node, String name, String path, int maxChars) {
        return text(node, name, path, maxChars, false);
    }

    /** Like {@link #line}, but line breaks and tabs are welcome. */
    Optional<String> paragraphs(JsonNode node, String name, String path, int maxChars) {
        return text(node, name, path, maxChars, true);
    }

    /** Like {@link #line}, and an error when absent. */
    Optional<String> requiredLine(JsonNode node, String name, String path, int maxChars) {
        return required(node, name, path, line(node, name, path, maxChars));
    }

    /** Like {@link #paragraphs}, and an error when absent. */
    Optional<String> requiredParagraphs(JsonNode node, String name, String path, int maxChars) {
        return required(node, name, path, paragraphs(node, name, path, maxChars));
    }

    Optional<String> email(JsonNode node, String name, String path) {
        Optional<String> email = line(node, name, path, 254);
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            add(path, "must be an e-mail address such as li.na@example.com");
            return Optional.empty();
        }
        return email;
    }

    Optional<String> phone(JsonNode node, String name, String path) {
        Optional<String> phone = line(node, name, path, 40);
        if (phone.isPresent()) {
            long digits = phone.get().chars().filter(c -> c >= '0' && c <= '9').count();
            if (!PHONE.matcher(phone.get()).matches() || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
                add(path, "must be a phone number of " + MIN_PHONE_DIGITS + " to " + MAX_PHONE_DIGITS
                        + " digits, with only spaces, -, parentheses and a leading + besides");
                return Optional.empty();
            }
        }
        return phone;
    }

    void add(String path, String message) {
        errors.add(FieldError.of(path, message));
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    private Optional<String> required(JsonNode node, String name, String path, Optional<String> value) {
        JsonNode field = node.get(name);
        boolean refused = field != null && !field.isNull() && !(field.isTextual() && field.asText().isBlank());
        if (value.isEmpty() && !refused) {
            add(path, "is required");
        }
        return value;
    }

    private Optional<String> text(JsonNode node, String name, String path, int maxChars, boolean multiline) {
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            return Optional.empty();
        }
        if (!field.isTextual()) {
            add(path, "must be a string");
            return Optional.empty();
        }
        String text = field.asText().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!storable(text, multiline)) {
            add(path, multiline ? "must be text without control characters"
                    : "must be a single line of text without control characters");
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > maxChars) {
            add(path, "must be at most " + maxChars + " characters");
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
