package dev.rapport.channel.email;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {
    @Test
    void idsAreTakenFromTheirBracketsOrAsMailersWithoutBracketsWriteThem() {
        assertThat(MessageIds.of(" <a.1@customer.example> ")).contains("a.1@customer.example");
        assertThat(MessageIds.of("a.1@customer.example")).contains("a.1@customer.example");
        assertThat(MessageIds.of("<>")).isEmpty();
        assertThat(MessageIds.all("<a@x.example>\r\n\t<b@x.example> (comment) <c@x.example>"))
                .containsExactly("a@x.example", "b@x.example", "c@x.example");
    }

    @Test
    void theReferencesOfAMessageLeaveOutItsOwnIdAndRepeats() {
        assertThat(MessageIds.references("c@x.example", "<b@x.example>", "<a@x.example> <b@x.example> <c@x.example>"))
                .containsExactly("b@x.example", "a@x.example");
        assertThat(MessageIds.references("c@x.example", null, null)).isEmpty();
    }

    @Test
    void aSyntheticIdDependsOnTheBytesOnly() {
        byte[] message = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(MessageIds.synthetic(message)).isEqualTo(MessageIds.synthetic(message.clone()))
                .isNotEqualTo(MessageIds.synthetic("Subject: hi\r\n\r\nhello!\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(MessageIds.isSynthetic(MessageIds.synthetic(message))).isTrue();
        assertThat(MessageIds.isSynthetic("a@x.example")).isFalse();
    }

    @Test
    void aReplyIdKeepsWhatAMessageIdMayHoldAndEscapesTheRest() {
        assertThat(MessageIds.forReply("r-0001.2", "x.example")).isEqualTo("r-0001.2@x.example");
        assertThat(MessageIds.forReply(".r..1.", "x.example")).isEqualTo("%2Er.%2E1%2E@x.example");
        assertThat(MessageIds.forReply("回复 1%", "x.example")).isEqualTo("%E5%9B%9E%E5%A4%8D%201%25@x.example");
    }
}
