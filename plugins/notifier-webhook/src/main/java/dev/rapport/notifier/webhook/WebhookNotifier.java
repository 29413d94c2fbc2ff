package dev.rapport.notifier.webhook;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;

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
import java.util.concurrent.atomic.AtomicBoolean;

/** POSTs each notification, signed, with one HTTP client per configured instance. */
final class WebhookNotifier implements Notifier {
    static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);
    private static final int RECEIPT_MAX = 200;

    private final URI url;
    private final String secret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    WebhookNotifier(URI url, String secret, Duration connectTimeout, Duration timeout, Clock clock) {
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Delivery deliver(Notification notification) {
        if (closed.get()) {
            return new Delivery.RetryLater(Duration.ZERO, "the webhook notifier is closed");
        }
        byte[] body = NotificationJson.write(notification).getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                .header("X-Rapport-Notification", notification.id())
                .header("X-Rapport-Attempt", Integer.toString(notification.attempt()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        // The request timeout covers the wait for the answer's headers; the bound on the future covers the body too.
        var pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return outcome(pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
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

    private Delivery outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        String answer = "HTTP " + status + " from " + peer() + snippet(response.body());
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(Optional.of(response.body().strip())
                    .filter(b -> !b.isEmpty() && b.length() <= RECEIPT_MAX));
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new Delivery.RetryLater(retryAfter(response.headers().firstValue("Retry-After"), clock.instant()),
                    answer);
        }
        if (status >= 300 && status < 400) {
            return new Delivery.Rejected(answer + "; redirects are not followed, configure the final URL");
        }
        return new Delivery.Rejected(answer);
    }

    private Delivery failed(Throwable cause) {
        return switch (cause) {
            case HttpTimeoutException timedOut -> timedOut();
            case ConnectException refused -> new Delivery.RetryLater(Duration.ZERO, "cannot connect to " + peer()
                    + ": " + describe(refused));
            case IOException io -> new Delivery.RetryLater(Duration.ZERO, "posting to " + peer() + " failed: "
                    + describe(io));
            default -> new Delivery.RetryLater(Duration.ZERO, "posting to " + peer() + " failed: " + describe(cause));
        };
    }

    private Delivery timedOut() {
        return new Delivery.RetryLater(Duration.ZERO, "no answer from " + peer() + " within " + timeout);
    }

    /** Delta seconds or an HTTP date, clamped to zero … one day; absent or unreadable means no wait of its own. */
    static Duration retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Duration.ZERO;
        }
        String value = header.get().strip();
        Duration wait;
        if (value.matches("\\d{1,12}")) {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Duration.ZERO;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    }

    /** Host and port only: a webhook URL's path or query may carry a token of the receiver's. */
    private String peer() {
        return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String snippet(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > RECEIPT_MAX ? text.substring(0, RECEIPT_MAX) + "…" : text);
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
        return "WebhookNotifier[" + peer() + "]";
    }
}
