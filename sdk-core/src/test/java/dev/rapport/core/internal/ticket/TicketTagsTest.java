package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.FieldError;
import dev.rapport.core.internal.FieldChecks;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TicketTagsTest {
    @Test
    void tagsAreTrimmedAndARepeatInAnotherCaseIsTheSameTagKeptAsFirstWritten() {
        var checks = FieldChecks.create();

        var tags = TicketTags.checked(List.of("  Invoice ", "delivery", "INVOICE", "发票"), checks);

        assertThat(tags).containsExactly("Invoice", "delivery", "发票");
        assertThat(checks.errors()).isEmpty();
    }

    @Test
    void blankLongAndControlCharacterTagsAreNamedAsTagsWithTheirPosition() {
        var checks = FieldChecks.create();

        TicketTags.checked(Arrays.asList(" ", "x".repeat(41), "a\u0007b", null, "x".repeat(40)), checks);

        assertThat(checks.errors()).extracting(FieldError::field).containsOnly("tags");
        assertThat(checks.errors()).extracting(FieldError::message).containsExactly(
                "tags[0] must not be blank", "tags[1] must be at most 40 characters",
                "tags[2] must not contain control characters", "tags[3] must not be blank");
    }

    @Test
    void atMostTenDifferentTagsAreAllowedAfterRepeatsAreDropped() {
        var ten = IntStream.range(0, 10).mapToObj(i -> "tag" + i).toList();
        var repeated = new java.util.ArrayList<>(ten);
        repeated.add("TAG0");
        var eleven = IntStream.range(0, 11).mapToObj(i -> "tag" + i).toList();
        var fine = FieldChecks.create();
        var tooMany = FieldChecks.create();

        TicketTags.checked(repeated, fine);
        TicketTags.checked(eleven, tooMany);

        assertThat(fine.errors()).isEmpty();
        assertThat(tooMany.errors()).containsExactly(FieldError.of("tags", "must be at most 10 different tags"));
    }

    @Test
    void theTagsGainedAreThoseNewIgnoringCase() {
        assertThat(TicketTags.gained(List.of("Invoice", "delivery"), List.of("invoice", "Refund", "DELIVERY", "vat")))
                .containsExactly("Refund", "vat");
        assertThat(TicketTags.gained(List.of("invoice"), List.of())).isEmpty();
    }
}
