package dev.rapport.channel.chat;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.ticket.Correspondent;
import dev.rapport.notifier.webhook.WebhookSignature;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the channel makes of the platform's requests. Replies: {@link ChatWebhookRepliesTest}. */
class ChatWebhookChannelTest {
    private static final String SECRET = "chat-secret-test-9a41f2d0";
    private static final long NOW = TestPluginContext.START.getEpochSecond();
    private static final String MESSAGE = """
            {"type":"message","messageId":"m-8812","conversationId":"c-42",
             "sender":{"id":"U024BE7LH","name":"李娜","email":"li.na@example.com","phone":"+86 139 1111 2222"},
             "text":"您好，我的订单 #123 还没到。\\n请帮忙查一下 😀","sentAt":"2026-03-02T08:59:30+08:00","replyTo":"r-77",
             "platform":{"team":"T123"}}""";
    private final ChatWebhookChannelFactory factory = new ChatWebhookChannelFactory();
    private final TestPluginContext context = TestPluginContext.of(factory,
            Map.of("secret", SECRET, "reply-url", "http://127.0.0.1:9/replies"));
    private final PushChannel channel = (PushChannel) context.create(factory);

    @AfterEach
    void close() {
        channel.close();
    }

    @Test
    void aSignedMessageBecomesACustomersMessageInItsConversation() {
        InboundMessage message = accepted(signed(MESSAGE));

        assertThat(message.messageId()).isEqualTo("m-8812");
        assertThat(message.from()).isEqualTo(new Correspondent(Optional.of("李娜"), Optional.of("li.na@example.com"),
                Optional.of("+86 139 1111 2222"), Optional.of("U024BE7LH")));
        assertThat(message.subject()).isEmpty();
        assertThat(message.body()).isEqualTo("您好，我的订单 #123 还没到。\n请帮忙查一下 😀");
        assertThat(message.references()).containsExactly("r-77");
        assertThat(message.threadKey()).contains("c-42");
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-03-02T00:59:30Z"));
    }

    @Test
    void aMessageWithOnlyWhatIsRequiredIsFromAHandleSentWhenItCame() {
        InboundMessage message = accepted(signed("""
                {"type":"message","messageId":"m-1","conversationId":"c-1","sender":{"id":"U1"},"text":"在吗？"}"""));

        assertThat(message.from()).isEqualTo(new Correspondent(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("U1")));
        assertThat(message.references()).isEmpty();
        assertThat(message.sentAt()).isEqualTo(TestPluginContext.START);
    }

    @Test
    void chineseTextRoundTripsUnchanged() {
        String text = "退款申请：订单 №２０２６-０３ 的发票抬头写错了，应为「上海星河贸易有限公司」。𠮷野家 👍";

        InboundMessage message = accepted(signed("""
                {"type":"message","messageId":"消息-1","conversationId":"会话-1","sender":{"id":"U1","name":"刘洋"},
                 "text":"%s"}""".formatted(text)));

        assertThat(message.body()).isEqualTo(text);
        assertThat(message.messageId()).isEqualTo("消息-1");
        assertThat(message.threadKey()).contains("会话-1");
        assertThat(message.from().name()).contains("刘洋");
    }

    @Test
    void eventsOfOtherTypesAreIgnored() {
        assertThat(channel.receive(signed("{\"type\":\"read_receipt\",\"messageId\":\"r-77\"}")))
                .isEqualTo(new Received.Ignored("a 'read_receipt' event carries no customer message"));
        assertThat(channel.receive(signed("{\"type\":\"ping\"}"))).isInstanceOf(Received.Ignored.class);
        assertThat(channel.receive(signed("{\"type\":\"<script>alert(1)</script>\"}")))
                .isEqualTo(new Received.Ignored("an event carries no customer message"));
    }

    @Test
    void everyMissingOrOversizedFieldIsNamedAtOnce() {
        String event = """
                {"type":"message","messageId":"%s","sender":{"name":"%s","email":"li.na at example","phone":"call me"},
                 "text":"%s","sentAt":"yesterday","replyTo":7}""".formatted("m".repeat(201), "名".repeat(101),
                "字".repeat(10_001));

        assertThat(fieldsOf(channel.receive(signed(event)))).containsExactlyInAnyOrder("messageId", "conversationId",
                "sender.id", "sender.name", "sender.email", "sender.phone", "text", "sentAt", "replyTo");
        assertThat(fieldsOf(channel.receive(signed("{\"type\":\"message\"}"))))
                .containsExactlyInAnyOrder("messageId", "conversationId", "sender.id", "text");
        assertThat(fieldsOf(channel.receive(signed("""
                {"type":"message","messageId":"m-1","conversationId":"c-1","sender":"U1","text":"  "}"""))))
                .containsExactlyInAnyOrder("sender", "text");
    }

    @Test
    void aTextOfTenThousandCharactersIsTheLongest() {
        String event = "{\"type\":\"message\",\"messageId\":\"m-1\",\"conversationId\":\"c-1\",\"sender\":{\"id\":\"U1\"},"
                + "\"text\":\"%s\"}";

        assertThat(accepted(signed(event.formatted("好".repeat(10_000)))).body()).hasSize(10_000);
        assertThat(errorsOf(channel.receive(signed(event.formatted("好".repeat(10_001))))))
                .containsExactly(FieldError.of("text", "must be at most 10000 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"type\":\"message\"", "{\"type\":\"ping\",\"type\":\"message\"}"})
    void aSignedBodyThatIsNoJsonObjectIsNamedAsTheBody(String body) {
        assertThat(errorsOf(channel.receive(signed(body)))).containsExactly(FieldError.of("body", "must be a JSON object"));
    }

    @Test
    void anEventWithoutATypeIsNamed() {
        assertThat(errorsOf(channel.receive(signed("{\"messageId\":\"m-1\"}"))))
                .containsExactly(FieldError.of("type", "is required"));
        assertThat(errorsOf(channel.receive(signed("{\"type\":1}"))))
                .containsExactly(FieldError.of("type", "must be a string"));
    }

    @Test
    void aSignatureWithAnotherSecretIsUnauthenticatedAndTheReasonShowsNeitherSecretNorSignature() {
        byte[] body = bytes(MESSAGE);
        String expected = WebhookSignature.sign(SECRET, NOW, body);

        Received received = channel.receive(request(body, Long.toString(NOW),
                WebhookSignature.sign("someone-elses-secret-0000", NOW, body)));

        assertThat(received).isInstanceOfSatisfying(Received.Unauthenticated.class, refused ->
                assertThat(refused.reason()).contains("X-Rapport-Signature does not match")
                        .doesNotContain(SECRET).doesNotContain(expected.substring("sha256=".length())));
    }

    @Test
    void aBodyChangedAfterSigningIsUnauthenticated() {
        byte[] body = bytes(MESSAGE);
        String signature = WebhookSignature.sign(SECRET, NOW, body);
        byte[] tampered = bytes(MESSAGE.replace("m-8812", "m-8813"));

        assertThat(channel.receive(request(tampered, Long.toString(NOW), signature)))
                .isInstanceOf(Received.Unauthenticated.class);
        assertThat(channel.receive(request(body, Long.toString(NOW + 1), signature)))
                .as("the same body and signature with another timestamp").isInstanceOf(Received.Unauthenticated.class);
    }

    @Test
    void aTimestampFurtherThanTheToleranceEitherWayIsUnauthenticatedSoThatACapturedRequestCannotBeReplayedLater() {
        InboundRequest request = signed(MESSAGE);

        context.clock().advance(Duration.ofMinutes(5));
        assertThat(channel.receive(request)).as("five minutes later").isInstanceOf(Received.Accepted.class);
        context.clock().advance(Duration.ofSeconds(1));
        assertThat(channel.receive(request)).isInstanceOfSatisfying(Received.Unauthenticated.class, refused ->
                assertThat(refused.reason()).isEqualTo("X-Rapport-Timestamp is 301 s from this server's clock, "
                        + "more than the 300 s tolerated (a replay, or a clock that is off)"));

        context.clock().set(TestPluginContext.START.minusSeconds(301));
        assertThat(channel.receive(request)).as("from the future").isInstanceOf(Received.Unauthenticated.class);
    }

    @Test
    void theToleranceIsConfigured() {
        var strict = TestPluginContext.of(factory, Map.of("secret", SECRET, "reply-url", "http://127.0.0.1:9/",
                "tolerance", "30s"));
        try (var strictChannel = (PushChannel) strict.create(factory)) {
            InboundRequest request = signed(MESSAGE);
            strict.clock().advance(Duration.ofSeconds(30));
            assertThat(strictChannel.receive(request)).isInstanceOf(Received.Accepted.class);
            strict.clock().advance(Duration.ofSeconds(1));
            assertThat(strictChannel.receive(request)).isInstanceOf(Received.Unauthenticated.class);
        }
    }

    @Test
    void missingOrMalformedHeadersAreUnauthenticated() {
        byte[] body = bytes(MESSAGE);
        String signature = WebhookSignature.sign(SECRET, NOW, body);
        String hex = signature.substring("sha256=".length());
        String ts = Long.toString(NOW);

        assertThat(reasonFor(new InboundRequest("203.0.113.7", Map.of(), body))).isEqualTo("no X-Rapport-Timestamp header");
        assertThat(reasonFor(request(body, null, signature))).isEqualTo("no X-Rapport-Timestamp header");
        assertThat(reasonFor(request(body, ts, null))).isEqualTo("no X-Rapport-Signature header");
        assertThat(reasonFor(request(body, "soon", signature)))
                .isEqualTo("X-Rapport-Timestamp is not a whole number of seconds since the epoch");
        assertThat(reasonFor(request(body, "-" + ts, signature))).contains("X-Rapport-Timestamp is not");
        assertThat(reasonFor(request(body, "9".repeat(30), signature))).contains("X-Rapport-Timestamp is not");
        for (String malformed : List.of(hex, "sha1=" + hex, "sha256=" + hex.substring(2), "sha256=zz" + hex.substring(2),
                "sha256=" + hex + "00")) {
            assertThat(reasonFor(request(body, ts, malformed))).as(malformed)
                    .isEqualTo("X-Rapport-Signature is not sha256= and 64 hex digits");
        }
    }

    @Test
    void headerNamesAreMatchedInAnyCaseAndTheHexInAnyCase() {
        byte[] body = bytes(MESSAGE);
        String signature = WebhookSignature.sign(SECRET, NOW, body);

        var request = new InboundRequest("203.0.113.7", Map.of("x-rapport-timestamp", List.of(Long.toString(NOW)),
                "X-RAPPORT-SIGNATURE", List.of("sha256=" + signature.substring(7).toUpperCase())), body);

        assertThat(channel.receive(request)).isInstanceOf(Received.Accepted.class);
    }

    @Test
    void anUnsignedEventOfAnyTypeIsUnauthenticatedBeforeItsBodyIsRead() {
        assertThat(channel.receive(new InboundRequest("203.0.113.7", Map.of(), bytes("{\"type\":\"ping\"}"))))
                .isInstanceOf(Received.Unauthenticated.class);
        assertThat(channel.receive(new InboundRequest("203.0.113.7", Map.of(), bytes("not json"))))
                .isInstanceOf(Received.Unauthenticated.class);
    }

    @Test
    void unfitSettingsAreRefusedByNameWithoutShowingTheSecret() {
        assertRefused(Map.of("secret", "short"), "secret");
        assertRefused(Map.of("reply-url", "ftp://chat.example/replies"), "reply-url");
        assertRefused(Map.of("reply-url", "not a url at all"), "reply-url");
        assertRefused(Map.of("tolerance", "0s"), "tolerance");
        assertRefused(Map.of("tolerance", "a while"), "tolerance");
        assertRefused(Map.of("request-timeout", "0s"), "request-timeout");
    }

    private void assertRefused(Map<String, String> change, String key) {
        var settings = new HashMap<>(Map.of("secret", SECRET, "reply-url", "https://chat.example/replies"));
        settings.putAll(change);
        assertThatThrownBy(() -> TestPluginContext.of(factory, settings).create(factory)).as(change.toString())
                .isInstanceOf(PluginConfigException.class).hasMessageContaining(key).hasMessageNotContaining(SECRET);
    }

    private String reasonFor(InboundRequest request) {
        Received received = channel.receive(request);
        assertThat(received).isInstanceOf(Received.Unauthenticated.class);
        return ((Received.Unauthenticated) received).reason();
    }

    private static InboundRequest signed(String body) {
        byte[] bytes = bytes(body);
        return request(bytes, Long.toString(NOW), WebhookSignature.sign(SECRET, NOW, bytes));
    }

    private static InboundRequest request(byte[] body, String timestamp, String signature) {
        var headers = new HashMap<String, List<String>>();
        if (timestamp != null) {
            headers.put("X-Rapport-Timestamp", List.of(timestamp));
        }
        if (signature != null) {
            headers.put("X-Rapport-Signature", List.of(signature));
        }
        headers.put("Content-Type", List.of("application/json"));
        return new InboundRequest("203.0.113.7", headers, body);
    }

    private InboundMessage accepted(InboundRequest request) {
        return accepted(channel.receive(request));
    }

    private static InboundMessage accepted(Received received) {
        assertThat(received).isInstanceOf(Received.Accepted.class);
        return ((Received.Accepted) received).message();
    }

    private static List<FieldError> errorsOf(Received received) {
        assertThat(received).isInstanceOf(Received.Invalid.class);
        return ((Received.Invalid) received).errors();
    }

    private static List<String> fieldsOf(Received received) {
        return errorsOf(received).stream().map(FieldError::field).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
