package dev.rapport.toolkit.http;

import dev.rapport.api.spi.notify.Delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
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

/**
 * One POST to a plugin's peer (a chat room, a webhook receiver, a messaging platform) and what its answer means for
 * the delivery, as Rapport's own plugins read it:
 * <ul>
 *   <li>2xx: delivered, with the receipt the caller reads from the answer's body;</li>
 *   <li>408, 425, 429 and 5xx: tried again, no sooner than the answer's {@code Retry-After} (seconds or an HTTP date,
 *       at most a day) when it gives one;</li>
 *   <li>redirects (they are not followed: configure the final URL) and every other answer: rejected;</li>
 *   <li>no answer within the timeout, a refused connection, any other I/O failure: tried again.</li>
 * </ul>
 * Reasons name the peer by host and port only, as a URL's path or query may carry a token of the peer's.
 *
 * <pre>{@code
 * var request = HttpPost.json(url, timeout, EventJson.value(Map.of("text", line))).build();
 * return HttpPost.send(client, request, timeout, clock, HttpPost.Receipt.NONE);
 * }</pre>
 */
public final class HttpPost {
    /** The longest {@code Retry-After} honoured: a peer cannot park a delivery for longer. */
    public static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);
    /** The most of an answer's body quoted in a reason. */
    private static final int QUOTED_MAX = 200;

    /** What a successful answer's body tells the delivery, e.g. the id the peer gave the message. */
    @FunctionalInterface
    public interface Receipt {
        /** Keeps no receipt. */
        Receipt NONE = body -> Optional.empty();
        /** The body itself when it is short (at most 200 characters) and not blank. */
        Receipt SHORT_BODY = body -> Optional.ofNullable(body).map(String::strip)
                .filter(b -> !b.isEmpty() && b.length() <= QUOTED_MAX);

        Optional<String> of(String body);
    }

    private HttpPost() {
    }

    /**
     * A POST of {@code json} to {@code url} as {@code application/json; charset=utf-8}, its headers due within
     * {@code timeout}; the caller adds its own headers (a token, a signature) and builds it.
     */
    public static HttpRequest.Builder json(URI url, Duration timeout, String json) {
        return HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /**
     * Sends {@code request} and waits for its whole answer at most {@code timeout} (the request's own timeout covers
     * the headers only), then reads the answer as above. An interrupted wait cancels the request and leaves the
     * delivery for a later try, with the thread's interrupt flag set again.
     */
    public static Delivery send(HttpClient client, HttpRequest request, Duration timeout, Clock clock,
                                Receipt receipt) {
        var pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        String peer = peer(request.uri());
        try {
            return answer(pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS), clock.instant(), receipt);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return noAnswer(peer, timeout);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new Delivery.RetryLater(Duration.ZERO, "interrupted while posting to " + peer);
        } catch (CancellationException e) {
            return new Delivery.RetryLater(Duration.ZERO, "the post to " + peer + " was cancelled");
        } catch (ExecutionException e) {
            return switch (e.getCause()) {
                case HttpTimeoutException timedOut -> noAnswer(peer, timeout);
                case ConnectException refused -> new Delivery.RetryLater(Duration.ZERO, "cannot connect to " + peer
                        + ": " + describe(refused));
                case IOException io -> new Delivery.RetryLater(Duration.ZERO, "posting to " + peer + " failed: "
                        + describe(io));
                case Throwable other -> new Delivery.RetryLater(Duration.ZERO, "posting to " + peer + " failed: "
                        + describe(other));
            };
        }
    }

    /** What an answer to a post means for the delivery. */
    public static Delivery answer(HttpResponse<String> response, Instant now, Receipt receipt) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(receipt.of(response.body()));
        }
        String answer = "HTTP " + status + " from " + peer(response.uri()) + quoted(response.body());
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new Delivery.RetryLater(retryAfter(response.headers().firstValue("Retry-After"), now), answer);
        }
        if (status >= 300 && status < 400) {
            return new Delivery.Rejected(answer + "; redirects are not followed, configure the final URL");
        }
        return new Delivery.Rejected(answer);
    }

    /**
     * A {@code Retry-After} header's wait: delta seconds or an HTTP date, within zero and
     * {@link #LONGEST_RETRY_AFTER}; absent or unreadable means no wait of the peer's own.
     */
    public static Duration retryAfter(Optional<String> header, Instant now) {
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

    /** Host and port only: a URL's path or query may carry a token of the peer's. */
    public static String peer(URI url) {
        return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static Delivery noAnswer(String peer, Duration timeout) {
        return new Delivery.RetryLater(Duration.ZERO, "no answer from " + peer + " within " + timeout);
    }

    private static String quoted(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > QUOTED_MAX ? text.substring(0, QUOTED_MAX) + "…" : text);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
