package dev.rapport.toolkit.http;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.testkit.HttpPeer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HttpPostTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aTwoHundredIsDeliveredWithTheReceiptTheCallerReadsFromTheBody() {
        try (var peer = HttpPeer.start(); var client = client()) {
            peer.answer(202, "  msg-42 ", Map.of());

            assertThat(post(client, peer.uri("/hook?token=s3cret"), HttpPost.Receipt.SHORT_BODY))
                    .isEqualTo(new Delivery.Delivered(Optional.of("msg-42")));
            assertThat(post(client, peer.uri("/hook"), HttpPost.Receipt.NONE))
                    .isEqualTo(new Delivery.Delivered(Optional.empty()));
            assertThat(peer.lastRequest().bodyText()).isEqualTo("{\"text\":\"hello\"}");
        }
    }

    @Test
    void aJsonPostCarriesItsBodyAsUtf8JsonAndTheCallersOwnHeaders() {
        try (var peer = HttpPeer.start(); var client = client()) {
            var request = HttpPost.json(peer.uri("/hook"), TIMEOUT, "{\"text\":\"李娜\"}")
                    .header("Authorization", "Bearer room-token").build();

            assertThat(HttpPost.send(client, request, TIMEOUT, CLOCK, HttpPost.Receipt.NONE))
                    .isEqualTo(new Delivery.Delivered(Optional.empty()));
            var received = peer.lastRequest();
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.header("Content-Type")).contains("application/json; charset=utf-8");
            assertThat(received.header("Authorization")).contains("Bearer room-token");
            assertThat(received.bodyText()).isEqualTo("{\"text\":\"李娜\"}");
        }
    }

    @Test
    void busyAndFailingPeersAreTriedAgainAfterTheirRetryAfterAndNamedByHostOnly() {
        try (var peer = HttpPeer.start(); var client = client()) {
            for (int status : new int[] {408, 425, 429, 500, 503}) {
                peer.answer(status, "busy\n now", Map.of("Retry-After", "30"));

                var outcome = post(client, peer.uri("/hook?token=s3cret"), HttpPost.Receipt.NONE);

                assertThat(outcome).isInstanceOfSatisfying(Delivery.RetryLater.class, retry -> {
                    assertThat(retry.after()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(retry.reason()).isEqualTo("HTTP " + status + " from 127.0.0.1:" + peer.uri().getPort()
                            + ": busy now").doesNotContain("s3cret");
                });
            }
        }
    }

    @Test
    void redirectsAndOtherAnswersAreRejected() {
        try (var peer = HttpPeer.start(); var client = client()) {
            peer.answer(301, "", Map.of("Location", "http://elsewhere.example/"));
            assertThat(post(client, peer.uri("/hook"), HttpPost.Receipt.NONE)).isInstanceOfSatisfying(
                    Delivery.Rejected.class, rejected -> assertThat(rejected.reason())
                            .endsWith("redirects are not followed, configure the final URL"));
            peer.answer(404);
            assertThat(post(client, peer.uri("/hook"), HttpPost.Receipt.NONE)).isInstanceOf(Delivery.Rejected.class);
        }
    }

    @Test
    void noAnswerInTimeAndARefusedConnectionAreTriedAgain() throws Exception {
        try (var peer = HttpPeer.start(); var client = client()) {
            peer.hang();
            assertThat(HttpPost.send(client, request(peer.uri("/hook")), Duration.ofMillis(300), CLOCK,
                    HttpPost.Receipt.NONE)).isInstanceOfSatisfying(Delivery.RetryLater.class, retry ->
                    assertThat(retry.reason()).startsWith("no answer from 127.0.0.1:"));
        }
        URI closed;
        try (var gone = HttpPeer.start()) {
            closed = gone.uri("/hook");
        }
        try (var client = client()) {
            assertThat(post(client, closed, HttpPost.Receipt.NONE)).isInstanceOfSatisfying(Delivery.RetryLater.class,
                    retry -> assertThat(retry.reason()).startsWith("cannot connect to 127.0.0.1:"));
        }
    }

    @Test
    void retryAfterInSecondsOrAsADateIsHonouredWithinADay() {
        assertThat(HttpPost.retryAfter(Optional.of("120"), NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpPost.retryAfter(Optional.of("Mon, 02 Mar 2026 08:10:00 GMT"), NOW))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(HttpPost.retryAfter(Optional.of("99999999"), NOW)).isEqualTo(HttpPost.LONGEST_RETRY_AFTER);
        assertThat(HttpPost.retryAfter(Optional.of("Mon, 02 Mar 2026 00:00:00 GMT"), NOW)).as("past").isZero();
        assertThat(HttpPost.retryAfter(Optional.of("soon"), NOW)).isZero();
        assertThat(HttpPost.retryAfter(Optional.empty(), NOW)).isZero();
    }

    private static Delivery post(HttpClient client, URI url, HttpPost.Receipt receipt) {
        return HttpPost.send(client, request(url), TIMEOUT, CLOCK, receipt);
    }

    private static HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}")).build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
