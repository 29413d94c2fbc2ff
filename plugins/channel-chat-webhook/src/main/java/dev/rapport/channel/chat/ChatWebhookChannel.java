package dev.rapport.channel.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.toolkit.http.HttpPost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Authenticates and reads the platform's events, and POSTs replies to it, signed. One HTTP client per configured
 * instance; receiving holds no state between requests, so both are safe concurrently.
 */
final class ChatWebhookChannel implements PushChannel, Replying {
    private static final int MAX_RECEIPT_CHARS = 200;

    private final Signatures signatures;
    private final URI replyUrl;
    private final Duration tolerance;
    private final Duration requestTimeout;
    private final Clock clock;
    private final HttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    ChatWebhookChannel(String secret, URI replyUrl, Duration tolerance, Duration requestTimeout, Clock clock) {
        this.signatures = new Signatures(secret);
        this.replyUrl = replyUrl;
        this.tolerance = tolerance;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Received receive(InboundRequest request) {
        Instant now = clock.instant();
        Optional<String> problem = signatures.problem(request, now, tolerance);
        if (problem.isPresent()) {
            return new Received.Unauthenticated(problem.get());
        }
        return ChatEvents.read(request.body(), now);
    }

    @Override
    public Delivery reply(Reply reply) {
        if (closed.get()) {
            return new Delivery.RetryLater(Duration.ZERO, "the chat webhook channel is closed");
        }
        if (reply.to().handle().isEmpty()) {
            return new Delivery.Rejected("the recipient has no chat handle to send the reply to");
        }
        byte[] body = replyJson(reply);
        long timestamp = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(replyUrl)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(Signatures.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(Signatures.SIGNATURE_HEADER, signatures.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpPost.send(client, request, requestTimeout, clock,
                answer -> Optional.of(peersMessageId(answer).orElse(reply.replyId())));
    }

    /** {@code {"type":"reply","replyId","ticketNumber","conversationId","to":{"id"},"text","inReplyTo"}}. */
    static byte[] replyJson(Reply reply) {
        ObjectNode json = ChatEvents.JSON.createObjectNode();
        json.put("type", "reply");
        json.put("replyId", reply.replyId());
        json.put("ticketNumber", reply.ticketNumber());
        json.put("conversationId", reply.threadKey().orElse(null));
        json.putObject("to").put("id", reply.to().handle().orElseThrow());
        json.put("text", reply.body());
        json.put("inReplyTo", reply.inReplyTo().orElse(null));
        try {
            return ChatEvents.JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree of strings always writes", e);
        }
    }

    /** The id the platform gave the reply, when it answered {@code {"messageId": "…"}}: answers to it thread back. */
    private static Optional<String> peersMessageId(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode answer = ChatEvents.JSON.readTree(body);
            return Optional.ofNullable(answer).filter(JsonNode::isObject).map(a -> a.get("messageId"))
                    .filter(JsonNode::isTextual).map(JsonNode::asText).map(String::strip)
                    .filter(id -> !id.isEmpty() && id.length() <= MAX_RECEIPT_CHARS);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String peer() {
        return HttpPost.peer(replyUrl);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "ChatWebhookChannel[replies to " + peer() + "]";
    }
}
