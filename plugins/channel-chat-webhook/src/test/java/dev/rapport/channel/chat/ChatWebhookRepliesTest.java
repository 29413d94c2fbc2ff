package dev.rapport.channel.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.ticket.Correspondent;
import dev.rapport.notifier.webhook.WebhookSignature;
import dev.rapport.testkit.HttpPeer;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Replies going out to a real HTTP server, checked as a platform would check them. */
class ChatWebhookRepliesTest {
    private static final String SECRET = "chat-secret-replies-0c8d3b7e";
    private static final Reply REPLY = new Reply("rp-0001", "T202603020001",
            new Correspondent(Optional.of("李娜"), Optional.of("li.na@example.com"), Optional.empty(),
                    Optional.of("U024BE7LH")),
            "Re: [#T202603020001] 订单问题", "您好，您的订单已于今日发出。\n\"单号\": SF1234 😀", Optional.of("m-8812"),
            List.of("m-8790", "m-8812"), Optional.of("c-42"));
    private final HttpPeer peer = HttpPeer.start();
    private final ChatWebhookChannelFactory factory = new ChatWebhookChannelFactory();
    private final TestPluginContext context = TestPluginContext.of(factory, Map.of("secret", SECRET,
            "reply-url", peer.uri("/chat/replies?token=platforms-own-token").toString(), "request-timeout", "1s"));

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Test
    void aReplyIsPostedAsJsonSignedWithTheSharedSecretAtTheSdksTime() throws Exception {
        assertThat(reply(REPLY)).isEqualTo(new Delivery.Delivered(Optional.of("rp-0001")));

        var request = peer.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/chat/replies");
        assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(request.header("X-Rapport-Timestamp")).contains(Long.toString(TestPluginContext.START.getEpochSecond()));
        assertThat(WebhookSignature.verify(SECRET, request.header("X-Rapport-Timestamp").orElseThrow(), request.body(),
                request.header("X-Rapport-Signature").orElseThrow(), TestPluginContext.START.plusSeconds(3),
                Duration.ofMinutes(5))).as("the platform's check of the signature").isTrue();
        assertThat(WebhookSignature.verify("someone-elses-secret-0000", request.header("X-Rapport-Timestamp")
                .orElseThrow(), request.body(), request.header("X-Rapport-Signature").orElseThrow(),
                TestPluginContext.START, Duration.ofMinutes(5))).isFalse();

        JsonNode json = new ObjectMapper().readTree(request.body());
        assertThat(json.properties()).extracting(Map.Entry::getKey)
                .containsExactly("type", "replyId", "ticketNumber", "conversationId", "to", "text", "inReplyTo");
        assertThat(json.get("type").asText()).isEqualTo("reply");
        assertThat(json.get("replyId").asText()).isEqualTo("rp-0001");
        assertThat(json.get("ticketNumber").asText()).isEqualTo("T202603020001");
        assertThat(json.get("conversationId").asText()).isEqualTo("c-42");
        assertThat(json.get("to").toString()).isEqualTo("{\"id\":\"U024BE7LH\"}");
        assertThat(json.get("text").asText()).isEqualTo("您好，您的订单已于今日发出。\n\"单号\": SF1234 😀");
        assertThat(json.get("inReplyTo").asText()).isEqualTo("m-8812");
        assertThat(request.bodyText()).doesNotContain("li.na@example.com");
    }

    @Test
    void theSameReplySentAgainLaterIsSignedAnewAndCarriesTheSameId() throws Exception {
        try (Channel channel = context.create(factory)) {
            ((Replying) channel).reply(REPLY);
            context.clock().advance(Duration.ofMinutes(30));
            ((Replying) channel).reply(REPLY);
        }

        var later = peer.requests().get(1);
        assertThat(later.header("X-Rapport-Timestamp"))
                .contains(Long.toString(TestPluginContext.START.plus(Duration.ofMinutes(30)).getEpochSecond()));
        assertThat(later.header("X-Rapport-Signature")).isNotEqualTo(peer.requests().get(0).header("X-Rapport-Signature"));
        assertThat(new ObjectMapper().readTree(later.body()).get("replyId").asText()).isEqualTo("rp-0001");
    }

    @Test
    void aReplyOutsideAConversationAndAnsweringNothingSaysSoWithNulls() throws Exception {
        var standalone = new Reply("rp-0002", "T202603020001", REPLY.to(), "Re: 订单问题", "已处理", Optional.empty(),
                List.of(), Optional.empty());

        assertThat(reply(standalone)).isInstanceOf(Delivery.Delivered.class);

        JsonNode json = new ObjectMapper().readTree(peer.lastRequest().body());
        assertThat(json.get("conversationId").isNull()).isTrue();
        assertThat(json.get("inReplyTo").isNull()).isTrue();
    }

    @Test
    void thePlatformsMessageIdIsTheReceiptWhenItAnswersOneSoThatAnswersToItThreadBack() {
        peer.answer(201, "{\"messageId\":\"1709341200.000100\",\"ok\":true}", Map.of("Content-Type", "application/json"));
        assertThat(reply(REPLY)).isEqualTo(new Delivery.Delivered(Optional.of("1709341200.000100")));

        peer.answer(200, "ok", Map.of());
        assertThat(reply(REPLY)).isEqualTo(new Delivery.Delivered(Optional.of("rp-0001")));
        peer.answer(200, "{\"messageId\":42}", Map.of());
        assertThat(reply(REPLY)).isEqualTo(new Delivery.Delivered(Optional.of("rp-0001")));
        peer.answer(204);
        assertThat(reply(REPLY)).isEqualTo(new Delivery.Delivered(Optional.of("rp-0001")));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void aBusyOrBrokenPlatformIsRetriedLater(int status) {
        peer.answer(status, "try later", Map.of());

        assertThat(reply(REPLY)).isInstanceOfSatisfying(Delivery.RetryLater.class, retry -> assertThat(retry.reason())
                .isEqualTo("HTTP " + status + " from " + peer.uri().getAuthority() + ": try later"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 413, 422, 301, 302, 307})
    void aRefusalOrARedirectIsRejected(int status) {
        peer.answer(status, "", status / 100 == 3 ? Map.of("Location", "http://elsewhere.example/") : Map.of());

        assertThat(reply(REPLY)).isInstanceOfSatisfying(Delivery.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("HTTP " + status));
    }

    @Test
    void aHungPlatformIsGivenUpWithinTheRequestTimeoutAndAnUnreachableOneRetried() {
        peer.hang();
        Delivery hung = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> reply(REPLY));
        assertThat(hung).isInstanceOfSatisfying(Delivery.RetryLater.class,
                retry -> assertThat(retry.reason()).contains("within PT1S"));

        peer.close();
        assertThat(reply(REPLY)).isInstanceOf(Delivery.RetryLater.class);
    }

    @Test
    void aRecipientWithoutAChatHandleCannotBeAnsweredHere() {
        var byEmail = new Reply("rp-0003", "T202603020001", Correspondent.byEmail("li.na@example.com", Optional.empty()),
                "Re: 订单问题", "已处理", Optional.empty(), List.of(), Optional.of("c-42"));

        assertThat(reply(byEmail)).isInstanceOf(Delivery.Rejected.class);
        assertThat(peer.requests()).isEmpty();
    }

    @Test
    void reasonsAndTheNameShowThePlatformsHostButNotTheRestOfItsUrl() {
        peer.answer(500);
        try (Channel channel = context.create(factory)) {
            Delivery delivery = ((Replying) channel).reply(REPLY);

            assertThat(delivery.toString()).contains(peer.uri().getAuthority()).doesNotContain("platforms-own-token")
                    .doesNotContain(SECRET);
            assertThat(channel.toString()).isEqualTo("ChatWebhookChannel[replies to " + peer.uri().getAuthority() + "]");
        }
    }

    @Test
    void aClosedChannelSendsNothing() {
        Channel channel = context.create(factory);
        channel.close();

        assertThat(((Replying) channel).reply(REPLY)).isInstanceOf(Delivery.RetryLater.class);
        assertThat(peer.requests()).isEmpty();
    }

    private Delivery reply(Reply reply) {
        try (Channel channel = context.create(factory)) {
            return ((Replying) channel).reply(reply);
        }
    }
}
