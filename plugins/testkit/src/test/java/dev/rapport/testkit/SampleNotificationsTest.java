package dev.rapport.testkit;

import dev.rapport.api.spi.notify.Notification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleNotificationsTest {
    @Test
    void theSamplesCoverDistinctEventsOfOneTicketInOrder() {
        var all = SampleNotifications.all();

        assertThat(all).extracting(Notification::id).doesNotHaveDuplicates();
        assertThat(all).extracting(n -> n.event().subjectId()).containsOnly(SampleNotifications.TICKET.value());
        assertThat(all).extracting(n -> n.event().occurredAt()).isSorted();
        assertThat(all).extracting(n -> n.event().eventType()).contains("TicketCreated", "TicketAssigned",
                "SlaAlarmRaised", "TicketEscalated", "CollaborationRequested", "TicketClosed");
    }

    @Test
    void recipientsWriteBothLanguagesAndOneHasNoAddress() {
        var recipients = SampleNotifications.all().stream().flatMap(n -> n.recipients().stream()).distinct().toList();

        assertThat(recipients).extracting(r -> r.locale().getLanguage()).contains("zh", "en");
        assertThat(recipients).anyMatch(r -> r.email().isEmpty());
        assertThat(SampleNotifications.ticketClosed().recipients()).isEmpty();
    }

    @Test
    void aRedeliveryKeepsTheIdAndCountsTheAttempt() {
        var first = SampleNotifications.ticketCreated();
        var again = SampleNotifications.again(first);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.attempt()).isEqualTo(2);
    }
}
