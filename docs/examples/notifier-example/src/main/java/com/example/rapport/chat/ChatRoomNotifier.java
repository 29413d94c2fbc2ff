package com.example.rapport.chat;

import dev.rapport.api.event.EventJson;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.toolkit.http.HttpPost;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Posts {@code {"text": "TicketCreated t-0001 @李娜 @Sam Taylor"}} with the room's token. */
record ChatRoomNotifier(URI url, String token, Duration timeout, Clock clock, HttpClient client) implements Notifier {
    ChatRoomNotifier(URI url, String token, Duration timeout, Clock clock) {
        this(url, token, timeout, clock, HttpClient.newBuilder().connectTimeout(timeout).build());
    }

    // tag::deliver[]
    @Override
    public Delivery deliver(Notification notification) {
        var request = HttpPost.json(url, timeout, EventJson.value(Map.of("text", text(notification))))
                .header("Authorization", "Bearer " + token)
                .build();
        return HttpPost.send(client, request, timeout, clock, HttpPost.Receipt.NONE);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ChatRoomNotifier[" + HttpPost.peer(url) + "]";
    }
    // end::deliver[]

    static String text(Notification notification) {
        String mentions = notification.recipients().stream().map(r -> " @" + r.name()).collect(Collectors.joining());
        return notification.event().eventType() + " " + notification.event().subjectId() + mentions;
    }
}
