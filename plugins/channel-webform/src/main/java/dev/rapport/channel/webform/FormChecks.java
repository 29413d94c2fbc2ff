package dev.rapport.channel.webform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.error.FieldError;
import dev.rapport.toolkit.text.TextFields;

import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of one submission with the toolkit's checks, collecting every field's error rather than stopping
 * at the first; a field of another JSON type is refused as not a string.
 */
final class FormChecks {
    private final JsonNode form;
    private final TextFields checks = new TextFields();

    FormChecks(JsonNode form) {
        this.form = form;
    }

    /** The field's text, stripped; empty when absent, null, blank or refused (with its error added). */
    Optional<String> line(String field, int maxChars) {
        return isText(field) ? checks.line(field, text(field), maxChars) : Optional.empty();
    }

    /** Like {@link #line}, but line breaks and tabs are welcome. */
    Optional<String> paragraphs(String field, int maxChars) {
        return isText(field) ? checks.paragraphs(field, text(field), maxChars) : Optional.empty();
    }

    Optional<String> email(String field) {
        return isText(field) ? checks.email(field, text(field)) : Optional.empty();
    }

    Optional<String> phone(String field) {
        return isText(field) ? checks.phone(field, text(field)) : Optional.empty();
    }

    /** Whether the field has a value at all, valid or not. */
    boolean given(String field) {
        JsonNode node = form.get(field);
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank());
    }

    void add(String field, String message) {
        checks.add(field, message);
    }

    List<FieldError> errors() {
        return checks.errors();
    }

    /** Whether the field is a string, absent or null; another JSON type is an error. */
    private boolean isText(String field) {
        JsonNode node = form.get(field);
        if (node == null || node.isNull() || node.isTextual()) {
            return true;
        }
        checks.add(field, "must be a string");
        return false;
    }

    private String text(String field) {
        JsonNode node = form.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
