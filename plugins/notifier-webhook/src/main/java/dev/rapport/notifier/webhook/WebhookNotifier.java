package dev.rapport.notifier.webhook;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.toolkit.http.HttpPost;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** POSTs each notification, signed, with one HTTP client per configured instance. */
final class WebhookNotifier implements Notifier {
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
        return HttpPost.send(client, request, timeout, clock, HttpPost.Receipt.SHORT_BODY);
    }

    private String peer() {
        return HttpPost.peer(url);
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
