package com.example.rapport.chat;

import dev.rapport.testkit.SampleNotifications;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatRoomTextTest {
    @Test
    void quotesAndControlCharactersAreEscaped() {
        assertThat(ChatRoomNotifier.quote("a \"b\" \\ c\nd")).isEqualTo("\"a \\\"b\\\" \\\\ c\\u000ad\"");
    }

    @Test
    void anEventThatNamesNoOneMentionsNoOne() {
        assertThat(ChatRoomNotifier.text(SampleNotifications.ticketClosed())).isEqualTo("TicketClosed t-0001");
    }
}
