package dev.rapport.channel.chat;

import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.notifier.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel signs and checks exactly as the webhook notifier does, so one receiver-side helper serves both. */
class SignaturesTest {
    private static final String SECRET = "whsec-0123456789abcdef";
    private static final byte[] BODY = "{\"id\":\"n-1\",\"text\":\"你好\"}".getBytes(StandardCharsets.UTF_8);
    private static final long SENT = 1772413200L;
    private final Signatures signatures = new Signatures(SECRET);

    @Test
    void aSignatureIsTheWebhookNotifiersSignature() {
        // The notifier's own test holds this value, computed independently of both.
        assertThat(signatures.sign(SENT, BODY))
                .isEqualTo("sha256=62025bf0b25cfb4723a24f716ca5d1c1b4f5a77828657964cc5fd5c6bbdb41d3")
                .isEqualTo(WebhookSignature.sign(SECRET, SENT, BODY));
    }

    @Test
    void whatTheWebhookHelperSignsVerifiesHereAndTheOtherWayRound() {
        var request = new InboundRequest("203.0.113.7", Map.of(WebhookSignature.TIMESTAMP_HEADER,
                List.of(Long.toString(SENT)), WebhookSignature.SIGNATURE_HEADER,
                List.of(WebhookSignature.sign(SECRET, SENT, BODY))), BODY);

        assertThat(signatures.problem(request, Instant.ofEpochSecond(SENT), Duration.ofMinutes(5))).isEmpty();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(SENT), BODY, signatures.sign(SENT, BODY),
                Instant.ofEpochSecond(SENT), Duration.ofMinutes(5))).isTrue();
        assertThat(Signatures.TIMESTAMP_HEADER).isEqualTo(WebhookSignature.TIMESTAMP_HEADER);
        assertThat(Signatures.SIGNATURE_HEADER).isEqualTo(WebhookSignature.SIGNATURE_HEADER);
    }
}
