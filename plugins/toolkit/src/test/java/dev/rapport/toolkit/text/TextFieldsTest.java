package dev.rapport.toolkit.text;

import dev.rapport.api.error.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFieldsTest {
    @Test
    void goodFieldsAreTakenStrippedAndAbsentOrBlankOptionalOnesAreEmpty() {
        var fields = new TextFields();

        assertThat(fields.line("name", "  李娜 ", 100)).contains("李娜");
        assertThat(fields.paragraphs("message", "Where is\nmy parcel?\t", 500)).contains("Where is\nmy parcel?");
        assertThat(fields.email("email", "li.na@example.cn")).contains("li.na@example.cn");
        assertThat(fields.phone("phone", "+86 138-0000-1111")).contains("+86 138-0000-1111");
        assertThat(fields.line("subject", null, 100)).isEmpty();
        assertThat(fields.line("subject", "   ", 100)).isEmpty();
        assertThat(fields.errors()).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedWithItsReasonAndNothingOfItIsTaken() {
        var fields = new TextFields();

        assertThat(fields.line("name", "Li\nNa", 100)).isEmpty();
        assertThat(fields.paragraphs("message", "bell\u0007", 500)).isEmpty();
        assertThat(fields.line("subject", "\uD83D alone", 100)).isEmpty();
        assertThat(fields.line("title", "😀".repeat(6), 5)).as("code points, not chars").isEmpty();
        assertThat(fields.email("email", "li.na@")).isEmpty();
        assertThat(fields.phone("phone", "12345")).isEmpty();
        assertThat(fields.requiredLine("orderId", " ", 40)).isEmpty();
        assertThat(fields.requiredParagraphs("text", null, 500)).isEmpty();
        fields.add("contact", "must be a string");

        assertThat(fields.errors()).containsExactly(
                FieldError.of("name", "must be a single line of text without control characters"),
                FieldError.of("message", "must be text without control characters"),
                FieldError.of("subject", "must be a single line of text without control characters"),
                FieldError.of("title", "must be at most 5 characters"),
                FieldError.of("email", "must be an e-mail address such as li.na@example.com"),
                FieldError.of("phone", "must be a phone number of 6 to 20 digits, with only spaces, -, parentheses "
                        + "and a leading + besides"),
                FieldError.of("orderId", "is required"),
                FieldError.of("text", "is required"),
                FieldError.of("contact", "must be a string"));
    }

    @Test
    void aRequiredFieldRefusedForWhatItHoldsIsNamedOnceForThat() {
        var fields = new TextFields();

        assertThat(fields.requiredLine("name", "Li\u0000Na", 100)).isEmpty();

        assertThat(fields.errors()).containsExactly(
                FieldError.of("name", "must be a single line of text without control characters"));
    }
}
