package com.example.rapport.chat;

import dev.rapport.harness.PluginHarness;
import dev.rapport.testkit.HttpPeer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// tag::harness[]
class ChatRoomEndToEndTest {
    @Test
    void aTicketsLifeReachesTheRoomAndWhatTheRoomMissedIsADeadLetterToSendAgain() {
        try (var room = HttpPeer.start();
             var harness = PluginHarness.notifier("chat-room")          // rapport.notifiers.under-test.type=chat-room
                     .setting("url", room.uri("/rooms/support").toString())
                     .setting("token", "room-token-8d1f")
                     .maxAttempts(3)                                    // the SDK's keys of the instance
                     .start()) {
            harness.driveATicketThroughItsLife();                       // a customer, open, assign, ..., closed
            assertThat(room.requests()).hasSize(harness.events().size())
                    .anySatisfy(post -> assertThat(post.bodyText()).startsWith("{\"text\":\"TicketClosed "));

            room.answer(503);                                           // the room is down
            harness.createCustomer();
            harness.retryUntil("a dead letter", () -> !harness.deadLetters().isEmpty());
            assertThat(harness.deadLetters()).singleElement()
                    .satisfies(letter -> assertThat(letter.attempts()).isEqualTo(3));

            room.answer(200);                                           // back up: an admin sends it again
            assertThat(harness.resendDeadLetters()).isEqualTo(1);
            assertThat(room.lastRequest().bodyText()).startsWith("{\"text\":\"CustomerCreated ");
            assertThat(harness.deadLetters()).isEmpty();
        }
    }
}
// end::harness[]
