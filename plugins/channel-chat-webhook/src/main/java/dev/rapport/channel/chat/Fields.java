package dev.rapport.channel.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.error.FieldError;
import dev.rapport.toolkit.text.TextFields;

import java.util.List;
import java.util.Optional;

/**
 * Reads string fields of a JSON object with the toolkit's checks, collecting every field's error rather than stopping
 * at the first; a field of another JSON type is refused as not a string.
 */
final class Fields {
    private final TextFields checks = new TextFields();

    /** The text of {@code node}'s {@code name} (its error named {@code path}), stripped; empty when absent or bad. */
    Optional<String> line(JsonNode node, String name, String path, int maxChars) {
        return isText(node, name, path) ? checks.line(path, text(node, name), maxChars) : Optional.empty();
    }

    /** Like {@link #line}, and an error when absent. */
    Optional<String> requiredLine(JsonNode node, String name, String path, int maxChars) {
        return isText(node, name, path) ? checks.requiredLine(path, text(node, name), maxChars) : Optional.empty();
    }

    /** Like {@link #requiredLine}, but line breaks and tabs are welcome. */
    Optional<String> requiredParagraphs(JsonNode node, String name, String path, int maxChars) {
        return isText(node, name, path) ? checks.requiredParagraphs(path, text(node, name), maxChars)
                : Optional.empty();
    }

    Optional<String> email(JsonNode node, String name, String path) {
        return isText(node, name, path) ? checks.email(path, text(node, name)) : Optional.empty();
    }

    Optional<String> phone(JsonNode node, String name, String path) {
        return isText(node, name, path) ? checks.phone(path, text(node, name)) : Optional.empty();
    }

    void add(String path, String message) {
        checks.add(path, message);
    }

    List<FieldError> errors() {
        return checks.errors();
    }

    /** Whether the field is a string, absent or null; another JSON type is an error. */
    private boolean isText(JsonNode node, String name, String path) {
        JsonNode field = node.get(name);
        if (field == null || field.isNull() || field.isTextual()) {
            return true;
        }
        checks.add(path, "must be a string");
        return false;
    }

    private static String text(JsonNode node, String name) {
        JsonNode field = node.get(name);
        return field == null || field.isNull() ? null : field.asText();
    }
}
