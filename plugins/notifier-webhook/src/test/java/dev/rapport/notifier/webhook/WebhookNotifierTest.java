package dev.rapport.notifier.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.testkit.HttpPeer;
import dev.rapport.testkit.SampleNotifications;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookNotifierTest {
    private static final String SECRET = "whsec-test-5b8c0f3e2a";
    private final WebhookNotifierFactory factory = new WebhookNotifierFactory();
    private final HttpPeer peer = HttpPeer.start();
    private final TestPluginContext context = TestPluginContext.of(factory,
            Map.of("url", peer.uri("/hooks/rapport").toString(), "secret", SECRET, "request-timeout", "2s"));

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Test
    void postsTheNotificationAsJsonSignedWithTheSecretAtTheContextsTime() throws Exception {
        try (Notifier notifier = context.create(factory)) {
            assertThat(notifier.deliver(SampleNotifications.ticketCreated())).isInstanceOf(Delivery.Delivered.class);
        }

        var request = peer.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/hooks/rapport");
        assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(request.header("X-Rapport-Timestamp")).contains(Long.toString(TestPluginContext.START.getEpochSecond()));
        assertThat(request.header("X-Rapport-Notification")).contains("n-0001");
        assertThat(request.header("X-Rapport-Attempt")).contains("1");
        assertThat(WebhookSignature.verify(SECRET, request.header("X-Rapport-Timestamp").orElseThrow(), request.body(),
                request.header("X-Rapport-Signature").orElseThrow(), TestPluginContext.START, Duration.ofMinutes(5))).isTrue();

        JsonNode json = new ObjectMapper().readTree(request.body());
        assertThat(json.properties()).extracting(Map.Entry::getKey)
                .containsExactly("id", "type", "occurredAt", "subjectId", "event", "recipients");
        assertThat(json.get("id").asText()).isEqualTo("n-0001");
        assertThat(json.get("type").asText()).isEqualTo("TicketCreated");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(json.get("subjectId").asText()).isEqualTo("t-0001");
        assertThat(json.get("event").get("number").asText()).isEqualTo("T202603020001");
        assertThat(json.get("event").get("priority").asText()).isEqualTo("P1");
        assertThat(json.get("recipients")).hasSize(2);
        assertThat(json.get("recipients").get(0).toString())
                .isEqualTo("{\"id\":\"u-agent-li\",\"name\":\"李娜\",\"locale\":\"zh-CN\"}");
        assertThat(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("@rapport.example");
    }

    @Test
    void aReceiverChecksTheSignatureAsThePluginGuideShows() {
        try (Notifier notifier = context.create(factory)) {
            notifier.deliver(SampleNotifications.slaWarning());
        }
        var request = peer.lastRequest();
        String secret = SECRET;
        var receiverClock = java.time.Clock.fixed(TestPluginContext.START.plusSeconds(42), ZoneOffset.UTC);

        // tag::receiver[]
        byte[] body = request.body();                                 // the raw bytes, before any parsing
        boolean genuine = WebhookSignature.verify(secret,
                request.header("X-Rapport-Timestamp").orElse(null), body,
                request.header("X-Rapport-Signature").orElse(null),
                receiverClock.instant(), Duration.ofMinutes(5));      // older or newer than 5 minutes: a replay
        // end::receiver[]

        assertThat(genuine).isTrue();
    }

    @Test
    void theTimestampAndSignatureFollowTheClockSoThatAReceiverCanRefuseReplays() {
        try (Notifier notifier = context.create(factory)) {
            notifier.deliver(SampleNotifications.ticketAssigned());
            context.clock().advance(Duration.ofMinutes(10));
            notifier.deliver(SampleNotifications.ticketAssigned());
        }

        var first = peer.requests().get(0);
        var later = peer.requests().get(1);
        long sent = TestPluginContext.START.plus(Duration.ofMinutes(10)).getEpochSecond();
        assertThat(later.header("X-Rapport-Timestamp")).contains(Long.toString(sent));
        assertThat(later.header("X-Rapport-Signature")).isNotEqualTo(first.header("X-Rapport-Signature"));
        Instant receiverNow = context.clock().instant();
        assertThat(WebhookSignature.verify(SECRET, first.header("X-Rapport-Timestamp").orElseThrow(), first.body(),
                first.header("X-Rapport-Signature").orElseThrow(), receiverNow, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, later.header("X-Rapport-Timestamp").orElseThrow(), later.body(),
                later.header("X-Rapport-Signature").orElseThrow(), receiverNow, Duration.ofMinutes(5))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void aSuccessAnswerIsDelivered(int status) {
        assertThat(deliverAgainst(status)).isInstanceOf(Delivery.Delivered.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void aBusyOrBrokenReceiverIsRetriedLater(int status) {
        assertThat(deliverAgainst(status)).isInstanceOfSatisfying(Delivery.RetryLater.class,
                retry -> assertThat(retry.reason()).contains("HTTP " + status).contains("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 413, 422, 301, 302, 307})
    void aRefusalOrARedirectIsRejected(int status) {
        assertThat(deliverAgainst(status)).isInstanceOfSatisfying(Delivery.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("HTTP " + status));
    }

    @Test
    void aShortAnswerBodyIsTheReceiptAndALongOneIsNot() {
        peer.answer(200, "  accepted #8812 \n", Map.of());
        assertThat(deliver()).isEqualTo(new Delivery.Delivered(Optional.of("accepted #8812")));

        peer.answer(200, "x".repeat(201), Map.of());
        assertThat(deliver()).isEqualTo(Delivery.delivered());
    }

    @Test
    void reasonsNameTheReceiversHostButNotTheRestOfItsUrl() {
        var withToken = TestPluginContext.of(factory, Map.of("url", peer.uri("/hooks?token=receivers-own-token").toString(),
                "secret", SECRET));
        peer.answer(500, "", Map.of());

        try (Notifier notifier = withToken.create(factory)) {
            var delivery = notifier.deliver(SampleNotifications.slaBreach());

            assertThat(delivery.toString()).contains(peer.uri().getAuthority()).doesNotContain("receivers-own-token");
            assertThat(notifier.toString()).doesNotContain("receivers-own-token");
        }
    }

    @Test
    void unfitSettingsAreRefusedByName() {
        assertRefused(Map.of("url", "ftp://files.example/in"), "url");
        assertRefused(Map.of("url", "not a url at all"), "url");
        assertRefused(Map.of("secret", "short"), "secret");
        assertRefused(Map.of("request-timeout", "0s"), "request-timeout");
        assertRefused(Map.of("connect-timeout", "soon"), "connect-timeout");
    }

    @Test
    void aClosedNotifierDeliversNothing() {
        Notifier notifier = context.create(factory);
        notifier.close();

        assertThat(notifier.deliver(SampleNotifications.ticketCreated())).isInstanceOf(Delivery.RetryLater.class);
        assertThat(peer.requests()).isEmpty();
    }

    private void assertRefused(Map<String, String> change, String key) {
        var settings = new HashMap<>(Map.of("url", peer.uri().toString(), "secret", SECRET));
        settings.putAll(change);
        assertThatThrownBy(() -> TestPluginContext.of(factory, settings).create(factory)).as(change.toString())
                .isInstanceOf(PluginConfigException.class).hasMessageContaining(key).hasMessageNotContaining(SECRET);
    }

    private Delivery deliverAgainst(int status) {
        peer.answer(status, "", status / 100 == 3 ? Map.of("Location", "http://elsewhere.example/") : Map.of());
        return deliver();
    }

    private Delivery deliver() {
        try (Notifier notifier = context.create(factory)) {
            return notifier.deliver(SampleNotifications.ticketCreated());
        }
    }
}
