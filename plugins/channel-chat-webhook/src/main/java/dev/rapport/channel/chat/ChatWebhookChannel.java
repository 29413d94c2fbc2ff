package dev.rapport.channel.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.notify.Delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Authenticates and reads the platform's events, and POSTs replies to it, signed. One HTTP client per configured
 * instance; receiving holds no state between requests, so both are safe concurrently.
 */
final class ChatWebhookChannel implements PushChannel, Replying {
    static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);
    private static final int MAX_RECEIPT_CHARS = 200;
    private static final int MAX_SNIPPET_CHARS = 200;

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
        // The request's timeout covers the wait for the answer's headers; the bound on the future covers its body too.
        var pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return outcome(reply, pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return timedOut();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new Delivery.RetryLater(Duration.ZERO, "interrupted while posting to " + peer());
        } catch (CancellationException e) {
            return new Delivery.RetryLater(Duration.ZERO, "the post to " + peer() + " was cancelled");
        } catch (ExecutionException e) {
            return failed(e.getCause());
        }
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

    private Delivery outcome(Reply reply, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(Optional.of(peersMessageId(response.body()).orElse(reply.replyId())));
        }
        String answer = "HTTP " + status + " from " + peer() + snippet(response.body());
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new Delivery.RetryLater(retryAfter(response.headers().firstValue("Retry-After"), clock.instant()),
                    answer);
        }
        if (status >= 300 && status < 400) {
            return new Delivery.Rejected(answer + "; redirects are not followed, configure the final reply-url");
        }
        return new Delivery.Rejected(answer);
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

    private Delivery failed(Throwable cause) {
        return switch (cause) {
            case HttpTimeoutException timeout -> timedOut();
            case ConnectException refused -> new Delivery.RetryLater(Duration.ZERO, "cannot connect to " + peer()
                    + ": " + describe(refused));
            default -> new Delivery.RetryLater(Duration.ZERO, "posting to " + peer() + " failed: " + describe(cause));
        };
    }

    private Delivery timedOut() {
        return new Delivery.RetryLater(Duration.ZERO, "no answer from " + peer() + " within " + requestTimeout);
    }

    /** Seconds or an HTTP date, within zero and a day; absent or unreadable means no wait of the peer's own. */
    static Duration retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Duration.ZERO;
        }
        String value = header.get().strip();
        Duration wait;
        try {
            wait = value.matches("\\d{1,12}") ? Duration.ofSeconds(Long.parseLong(value))
                    : Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    }

    /** Host and port only: the URL's path or query may hold a token of the platform's. */
    private String peer() {
        return replyUrl.getHost() + (replyUrl.getPort() < 0 ? "" : ":" + replyUrl.getPort());
    }

    private static String snippet(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > MAX_SNIPPET_CHARS ? text.substring(0, MAX_SNIPPET_CHARS) + "…" : text);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
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
