package dev.rapport.storage.jdbc;

import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.FigureStore;
import dev.rapport.api.spi.storage.Lease;
import dev.rapport.api.spi.storage.OutboxEntry;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** The counts behind the server's gauges: the delivery backlog with its oldest event, dead letters, the pool. */
class JdbcFigureStoreTest {
    private static final UserId ACTOR = UserId.of("agent-1");

    @StorageTest
    void theBacklogCountsEventsNotFannedOutAndPendingDeliveriesAndDatesItsOldestEvent(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            assertThat(backlog(storage)).isEqualTo(new FigureStore.Backlog(0, Optional.empty()));
            storage.run(tx -> {
                tx.outbox().append(new TicketClosed(TicketId.of(Fixtures.newId()), minutesAfterT0(1), ACTOR));
                tx.outbox().append(new TicketClosed(TicketId.of(Fixtures.newId()), minutesAfterT0(2), ACTOR));
            });
            assertThat(backlog(storage)).as("not fanned out yet")
                    .isEqualTo(new FigureStore.Backlog(2, Optional.of(minutesAfterT0(1))));

            storage.run(tx -> {
                tx.deliveries().register(List.of("ops", "listeners"), T0);
                var events = tx.outbox().undelivered(10);
                tx.deliveries().enqueue(events, tx.deliveries().subscribers(T0), T0);
                tx.outbox().markDelivered(events.stream().map(OutboxEntry::position).toList());
            });
            assertThat(backlog(storage)).as("one delivery per event and subscriber")
                    .isEqualTo(new FigureStore.Backlog(4, Optional.of(minutesAfterT0(1))));

            var lease = new Lease(UUID.randomUUID().toString(), T0.plus(Duration.ofMinutes(1)));
            List<PendingDelivery> ops = storage.get(tx -> tx.deliveries().claim("ops", lease, T0, 10));
            var listeners = storage.get(tx -> tx.deliveries().claim("listeners", lease, T0, 10));
            storage.run(tx -> {
                tx.deliveries().markDelivered(ops.get(0).id(), lease.token(), 1, T0, Optional.empty());
                tx.deliveries().markDead(listeners.get(0).id(), lease.token(), 1, T0, "gave up");
            });

            assertThat(backlog(storage)).as("the first event is settled for every subscriber")
                    .isEqualTo(new FigureStore.Backlog(2, Optional.of(minutesAfterT0(2))));
            long deadLetters = storage.get(tx -> tx.figures().deadLetters());
            assertThat(deadLetters).isEqualTo(1);
        }
    }

    @StorageTest
    void thePoolReportsItsSizeAndNobodyWaiting(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            var pool = storage.storage().pool().orElseThrow();
            assertThat(pool.max()).isEqualTo(2);
            assertThat(pool.waiting()).isZero();
            assertThat(pool.active() + pool.idle()).isBetween(0, 2);
            storage.run(tx -> assertThat(storage.storage().pool().orElseThrow().active()).isEqualTo(1));
        }
        var closed = TestStorage.on(db);
        closed.close();
        assertThat(closed.storage().pool()).as("a closed storage has no pool").isEmpty();
    }

    private static FigureStore.Backlog backlog(TestStorage storage) {
        return storage.get(tx -> tx.figures().backlog());
    }
}
