package com.example.rapport.chat;

import dev.rapport.testkit.SampleNotifications;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatRoomTextTest {
    @Test
    void anEventThatNamesNoOneMentionsNoOne() {
        assertThat(ChatRoomNotifier.text(SampleNotifications.ticketClosed())).isEqualTo("TicketClosed t-0001");
    }
}
