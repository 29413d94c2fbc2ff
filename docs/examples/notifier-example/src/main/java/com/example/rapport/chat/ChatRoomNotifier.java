package com.example.rapport.chat;

import dev.rapport.api.event.EventJson;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Posts {@code {"text": "TicketCreated t-0001 @李娜 @Sam Taylor"}} with the room's token. */
final class ChatRoomNotifier implements Notifier {
    private final URI url;
    private final String token;
    private final Duration timeout;
    private final HttpClient client;

    ChatRoomNotifier(URI url, String token, Duration timeout) {
        this.url = url;
        this.token = token;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    // tag::deliver[]
    @Override
    public Delivery deliver(Notification notification) {
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(notification)))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return Delivery.delivered();
            }
            if (status == 429 || status >= 500) {
                return new Delivery.RetryLater(Duration.ofMinutes(1), "the chat room answered " + status);
            }
            return new Delivery.Rejected("the chat room answered " + status);
        } catch (IOException e) {
            // refused, reset or timed out: worth another try
            return new Delivery.RetryLater(Duration.ofMinutes(1), "the chat room is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.RetryLater(Duration.ZERO, "interrupted");
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ChatRoomNotifier[" + url.getHost() + "]";
    }
    // end::deliver[]

    /** {@code {"text": "…"}}, written by the SDK's JSON writer, which escapes what needs escaping. */
    static String body(Notification notification) {
        return EventJson.value(Map.of("text", text(notification)));
    }

    static String text(Notification notification) {
        String mentions = notification.recipients().stream().map(r -> " @" + r.name()).collect(Collectors.joining());
        return notification.event().eventType() + " " + notification.event().subjectId() + mentions;
    }
}
