package dev.rapport.core.internal.figures;

import dev.rapport.api.figures.Figures;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.event.CustomerMessageReceived;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.storage.jdbc.JdbcStorageFactory;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.TestPluginContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the SDK counts for monitoring: the events of committed changes only, and refusals and delivery outcomes. */
class TallyTest {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final UserId ACTOR = UserId.of("agent-1");
    private static final TicketId TICKET = TicketId.of("01TALLYTESTTICKET0000000001");

    @StorageTest
    void aCommittedChangeCountsItsEventsAndARolledBackOneCountsNothing(TestDatabase db) {
        try (Storage storage = storageOn(db)) {
            var tally = new Tally();
            assertThatThrownBy(() -> tally.counted(storage, tx -> {
                tx.outbox().append(created(Priority.P1));
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            assertThat(tally.counts().ticketsOpened()).containsEntry(Priority.P1, 0L);

            tally.counted(storage, tx -> {
                tx.outbox().append(created(Priority.P1));
                tx.outbox().append(new SlaAlarmRaised(TICKET, "T2026000001", SlaTarget.FIRST_RESPONSE,
                        SlaAlarm.WARNING, NOW, List.of(), NOW, ACTOR));
                tx.outbox().append(new SlaAlarmRaised(TICKET, "T2026000001", SlaTarget.FIRST_RESPONSE,
                        SlaAlarm.BREACH, NOW, List.of(), NOW, ACTOR));
                tx.outbox().append(new CustomerMessageReceived(TICKET, "T2026000001", "webform", true,
                        Optional.empty(), NOW, ACTOR));
                // A closing whose ticket the transaction cannot find has no priority to count under.
                tx.outbox().append(new TicketClosed(TICKET, NOW, ACTOR));
                return null;
            });
            tally.loginRefused(Figures.Refusal.THROTTLED);
            tally.delivery(Figures.Outcome.DEAD_LETTERED);

            var counts = tally.counts();
            assertThat(counts.ticketsOpened()).containsEntry(Priority.P1, 1L).containsEntry(Priority.P4, 0L);
            assertThat(counts.ticketsClosed().values()).containsOnly(0L);
            assertThat(counts.slaWarnings()).isEqualTo(1);
            assertThat(counts.slaBreaches()).isEqualTo(1);
            assertThat(counts.channelMessagesFiled()).isEqualTo(1);
            assertThat(counts.loginsRefused()).containsEntry(Figures.Refusal.THROTTLED, 1L)
                    .containsEntry(Figures.Refusal.BAD_CREDENTIALS, 0L);
            assertThat(counts.deliveries()).containsEntry(Figures.Outcome.DEAD_LETTERED, 1L)
                    .containsEntry(Figures.Outcome.DELIVERED, 0L);
        }
    }

    private static TicketCreated created(Priority priority) {
        return new TicketCreated(TICKET, "T2026000001", CustomerId.of("01TALLYTESTCUSTOMER00000001"), "COMPLAINT",
                priority, DepartmentId.of("after-sales"), NOW, ACTOR);
    }

    private static Storage storageOn(TestDatabase db) {
        var factory = new JdbcStorageFactory();
        return TestPluginContext.of(factory, db.fresh().storageConfig()).create(factory);
    }
}
