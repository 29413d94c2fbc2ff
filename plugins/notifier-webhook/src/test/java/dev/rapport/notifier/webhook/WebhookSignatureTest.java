package dev.rapport.notifier.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {
    private static final String SECRET = "whsec-0123456789abcdef";
    private static final String BODY = "{\"id\":\"n-1\",\"text\":\"你好\"}";
    private static final long SENT = 1772413200L;
    private static final Instant NOW = Instant.ofEpochSecond(SENT);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void theSignatureIsTheHexHmacSha256OfTimestampDotBody() {
        // Computed independently (Python's hmac module) over "1772413200." and the UTF-8 body.
        assertThat(WebhookSignature.sign(SECRET, SENT, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=62025bf0b25cfb4723a24f716ca5d1c1b4f5a77828657964cc5fd5c6bbdb41d3");
    }

    @Test
    void aFreshGenuineRequestVerifies() {
        String signature = WebhookSignature.sign(SECRET, SENT, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(verify("1772413200", BODY, signature, NOW.plusSeconds(299))).isTrue();
        assertThat(verify("1772413200", BODY, signature, NOW.plusSeconds(300))).isTrue();
    }

    @Test
    void aReplayAfterTheToleranceIsRefusedAndSoIsATimestampFromTheFuture() {
        String signature = WebhookSignature.sign(SECRET, SENT, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(verify("1772413200", BODY, signature, NOW.plusSeconds(301))).isFalse();
        assertThat(verify("1772413200", BODY, signature, NOW.minusSeconds(301))).isFalse();
    }

    @Test
    void aChangedBodyTimestampOrSecretIsRefused() {
        String signature = WebhookSignature.sign(SECRET, SENT, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(verify("1772413200", BODY.replace("n-1", "n-2"), signature, NOW)).isFalse();
        assertThat(verify("1772413201", BODY, signature, NOW)).isFalse();
        assertThat(WebhookSignature.verify("whsec-another-secret!", "1772413200", BODY, signature, NOW, TOLERANCE))
                .isFalse();
    }

    @Test
    void missingOrMalformedHeadersAreRefusedWithoutThrowing() {
        String signature = WebhookSignature.sign(SECRET, SENT, BODY.getBytes(StandardCharsets.UTF_8));
        String hex = signature.substring("sha256=".length());

        assertThat(verify(null, BODY, signature, NOW)).isFalse();
        assertThat(verify("1772413200", BODY, null, NOW)).isFalse();
        assertThat(verify("1772413200", null, signature, NOW)).isFalse();
        assertThat(verify("soon", BODY, signature, NOW)).isFalse();
        assertThat(verify("-1772413200", BODY, signature, NOW)).isFalse();
        assertThat(verify("99999999999999999999999", BODY, signature, NOW)).isFalse();
        assertThat(verify("1772413200", BODY, "sha1=" + hex, NOW)).isFalse();
        assertThat(verify("1772413200", BODY, hex, NOW)).isFalse();
        assertThat(verify("1772413200", BODY, "sha256=zz" + hex.substring(2), NOW)).isFalse();
        assertThat(verify("1772413200", BODY, "sha256=" + hex.substring(2), NOW)).isFalse();
    }

    private static boolean verify(String timestamp, String body, String signature, Instant now) {
        return WebhookSignature.verify(SECRET, timestamp, body, signature, now, TOLERANCE);
    }

    @Test
    void anEmptySecretIsAMistakeOfTheReceiversNotAnAnswer() {
        assertThatThrownBy(() -> WebhookSignature.verify("", "1772413200", BODY, "sha256=00", NOW, TOLERANCE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
