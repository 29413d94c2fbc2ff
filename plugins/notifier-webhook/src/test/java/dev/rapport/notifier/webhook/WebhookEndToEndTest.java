package dev.rapport.notifier.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.harness.PluginHarness;
import dev.rapport.testkit.HttpPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook notifier inside a real Rapport, configured as a host configures it: {@code type=webhook}. */
class WebhookEndToEndTest {
    private static final String SECRET = "whsec-e2e-9a41c7d2f0";
    private HttpPeer peer;
    private PluginHarness harness;

    @BeforeEach
    void start() {
        peer = HttpPeer.start();
        harness = PluginHarness.notifier(WebhookNotifierFactory.ID)
                .setting("url", peer.uri("/hooks/rapport").toString())
                .setting("secret", SECRET)
                .setting("request-timeout", "2s")
                .maxAttempts(3)
                .backoff(Duration.ofSeconds(10), Duration.ofMinutes(1))
                .start();
    }

    @AfterEach
    void stop() {
        harness.close();
        peer.close();
    }

    @Test
    void aTicketsLifeReachesTheReceiverAsOneSignedPostPerEvent() {
        harness.driveATicketThroughItsLife();

        var requests = peer.requests();
        assertThat(requests).hasSize(harness.events().size());
        assertThat(requests).allSatisfy(request -> assertThat(signedWithTheSecret(request)).isTrue());
        assertThat(requests).extracting(WebhookEndToEndTest::type)
                .containsExactlyInAnyOrderElementsOf(harness.eventTypes())
                .containsSubsequence("TicketCreated", "TicketAssigned", "ProgressAdded", "TicketResolved",
                        "TicketClosed");
        assertThat(requests).extracting(request -> request.header("X-Rapport-Notification").orElseThrow())
                .doesNotHaveDuplicates();
    }

    @Test
    void a503IsTriedAgainOnceTheBackOffHasPassedAndThenDelivered() {
        peer.answer(503);
        harness.createCustomer();
        assertThat(peer.requests()).hasSize(1);

        peer.answer(204);
        harness.advance(Duration.ofSeconds(4)); // the first back-off is 5 to 10 s
        assertThat(peer.requests()).hasSize(1);
        harness.advancePastBackOff();

        var first = peer.requests().getFirst();
        var retry = peer.lastRequest();
        assertThat(peer.requests()).hasSize(2);
        assertThat(retry.header("X-Rapport-Attempt")).contains("2");
        assertThat(retry.header("X-Rapport-Notification")).isEqualTo(first.header("X-Rapport-Notification"));
        assertThat(signedWithTheSecret(retry)).isTrue();
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void aRetryAfterLongerThanTheBackOffIsWaitedFor() {
        peer.answer(503, "", Map.of("Retry-After", "120"));
        harness.createCustomer();
        peer.answer(204);

        harness.advancePastBackOff(); // one minute: the back-off alone would have let it go
        assertThat(peer.requests()).hasSize(1);

        harness.advance(Duration.ofMinutes(1));
        assertThat(peer.requests()).hasSize(2);
    }

    @Test
    void aPeerThatKeepsFailingEndsAsADeadLetterThatAResendDeliversOnceThePeerRecovers() {
        peer.answer(503);
        harness.createCustomer();

        harness.retryUntil("the event is a dead letter", () -> !harness.deadLetters().isEmpty());

        assertThat(harness.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.eventType()).isEqualTo("CustomerCreated");
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).hasValueSatisfying(error -> assertThat(error).contains("HTTP 503"));
        });
        assertThat(peer.requests()).hasSize(3);

        peer.answer(204);
        assertThat(harness.resendDeadLetters()).isEqualTo(1);

        assertThat(peer.requests()).hasSize(4);
        assertThat(peer.lastRequest().header("X-Rapport-Notification"))
                .isEqualTo(peer.requests().getFirst().header("X-Rapport-Notification"));
        assertThat(signedWithTheSecret(peer.lastRequest())).isTrue();
        assertThat(harness.deadLetters()).isEmpty();
    }

    private boolean signedWithTheSecret(HttpPeer.Request request) {
        return WebhookSignature.verify(SECRET, request.header(WebhookSignature.TIMESTAMP_HEADER).orElseThrow(),
                request.body(), request.header(WebhookSignature.SIGNATURE_HEADER).orElseThrow(),
                harness.clock().instant(), Duration.ofMinutes(5));
    }

    private static String type(HttpPeer.Request request) {
        try {
            return new ObjectMapper().readTree(request.body()).get("type").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
