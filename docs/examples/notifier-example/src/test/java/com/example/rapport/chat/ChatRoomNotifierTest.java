package com.example.rapport.chat;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.testkit.HttpPeer;
import dev.rapport.testkit.SampleNotifications;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

// tag::own-test[]
class ChatRoomNotifierTest {
    private final HttpPeer peer = HttpPeer.start();
    private final ChatRoomNotifierFactory factory = new ChatRoomNotifierFactory();

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Test
    void postsOneLineMentioningTheRecipientsWithTheRoomsToken() {
        var context = TestPluginContext.of(factory, Map.of("url", peer.uri("/rooms/support").toString(),
                "token", "room-token-8d1f"));

        try (Notifier notifier = context.create(factory)) {
            assertThat(notifier.deliver(SampleNotifications.ticketCreated())).isEqualTo(Delivery.delivered());
        }

        var request = peer.lastRequest();
        assertThat(request.header("Authorization")).contains("Bearer room-token-8d1f");
        assertThat(request.bodyText()).isEqualTo("{\"text\":\"TicketCreated t-0001 @李娜 @Sam Taylor\"}");
    }
}
// end::own-test[]
