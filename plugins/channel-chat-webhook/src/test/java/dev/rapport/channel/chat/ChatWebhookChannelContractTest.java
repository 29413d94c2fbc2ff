package dev.rapport.channel.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.spi.channel.ChannelFactory;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.notifier.webhook.WebhookSignature;
import dev.rapport.testkit.HttpPeer;
import dev.rapport.testkit.PushChannelContract;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChatWebhookChannelContractTest extends PushChannelContract {
    private static final String SECRET = "chat-secret-contract-51c7e0";
    private HttpPeer peer;

    @BeforeEach
    void startPeer() {
        peer = HttpPeer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Override
    protected ChannelFactory factory() {
        return new ChatWebhookChannelFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of("secret", SECRET, "reply-url", peer.uri("/chat/replies").toString(), "request-timeout", "2s");
    }

    @Override
    protected Set<String> requiredKeys() {
        return Set.of("secret", "reply-url");
    }

    @Override
    protected Map<String, String> withSecrets() {
        return Map.of("secret", SECRET);
    }

    @Override
    protected InboundRequest validRequest(String marker) {
        return signed(SECRET, """
                {"type":"message","messageId":"m-%s","conversationId":"c-42","sender":{"id":"U024BE7LH","name":"李娜"},
                 "text":"我的订单还没到 %s"}""".formatted(marker, marker));
    }

    @Override
    protected InboundRequest invalidRequest() {
        return signed(SECRET, "{\"type\":\"message\",\"messageId\":\"m-1\",\"conversationId\":\"c-42\",\"sender\":{}}");
    }

    @Override
    protected Optional<InboundRequest> unauthenticatedRequest() {
        return Optional.of(signed("someone-elses-secret-0000", """
                {"type":"message","messageId":"m-1","conversationId":"c-42","sender":{"id":"U024BE7LH"},"text":"hi"}"""));
    }

    @Override
    protected void peerFailsTemporarily() {
        peer.answer(503);
    }

    @Override
    protected void peerRefuses() {
        peer.answer(422);
    }

    @Override
    protected void assertPeerReceived(Reply reply) {
        var request = peer.lastRequest();
        assertThat(WebhookSignature.verify(SECRET, request.header("X-Rapport-Timestamp").orElse(null), request.body(),
                request.header("X-Rapport-Signature").orElse(null), TestPluginContext.START, Duration.ofMinutes(5)))
                .as("signed with the shared secret").isTrue();
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(request.body());
        } catch (IOException e) {
            throw new AssertionError("the reply is no JSON: " + request.bodyText(), e);
        }
        assertThat(json.get("replyId").asText()).isEqualTo(reply.replyId());
        assertThat(json.get("text").asText()).isEqualTo(reply.body());
    }

    /** Configuration names the plugin by this id ({@code rapport.channels.<name>.type=chat-webhook}): it never changes. */
    @Test
    void isConfiguredAsChatWebhook() {
        assertThat(factory().id()).isEqualTo("chat-webhook");
    }

    private static InboundRequest signed(String secret, String body) {
        long now = TestPluginContext.START.getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request(body, Map.of("X-Rapport-Timestamp", Long.toString(now),
                "X-Rapport-Signature", WebhookSignature.sign(secret, now, bytes)));
    }
}
