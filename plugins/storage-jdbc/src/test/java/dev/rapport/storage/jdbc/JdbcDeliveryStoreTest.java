package dev.rapport.storage.jdbc;

import dev.rapport.api.event.DeadLetter;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Lease;
import dev.rapport.api.spi.storage.OutboxEntry;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class JdbcDeliveryStoreTest {
    private static final UserId ACTOR = UserId.of("agent-1");
    private static final TicketId X = TicketId.of(Fixtures.newId());
    private static final TicketId Y = TicketId.of(Fixtures.newId());

    @StorageTest
    void fanOutGivesEverySubscriberOnePendingDeliveryPerEventAndAClaimLeasesThem(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.deliveries().register(List.of("ops", "listeners"), T0));
            var positions = append(storage, X, Y);
            fanOut(storage);

            var ops = claim(storage, "ops", lease(T0), T0);
            var listeners = claim(storage, "listeners", lease(T0), T0);
            var opsAgain = claim(storage, "ops", lease(T0), T0);
            List<OutboxEntry> notFannedOut = storage.get(tx -> tx.outbox().undelivered(10));

            assertThat(ops).extracting(PendingDelivery::position).containsExactlyElementsOf(positions);
            assertThat(ops).extracting(PendingDelivery::attempts).containsOnly(0);
            assertThat(ops).extracting(d -> d.event().subjectId()).containsExactly(X.value(), Y.value());
            assertThat(listeners).extracting(PendingDelivery::position).containsExactlyElementsOf(positions);
            assertThat(opsAgain).as("leased to the first claim").isEmpty();
            assertThat(notFannedOut).as("fanned out once").isEmpty();
        }
    }

    @StorageTest
    void onlyTheFirstPendingEventOfASubjectIsClaimedSoASubjectKeepsItsOrder(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.deliveries().register(List.of("ops"), T0));
            var positions = append(storage, X, X, Y);
            fanOut(storage);

            var lease = lease(T0);
            var first = claim(storage, "ops", lease, T0);
            storage.run(tx -> tx.deliveries().markDelivered(first.get(0).id(), lease.token(), 1, T0, Optional.empty()));
            var second = claim(storage, "ops", lease(T0), T0);

            assertThat(first).extracting(PendingDelivery::position).containsExactly(positions.get(0), positions.get(2));
            assertThat(second).extracting(PendingDelivery::position).containsExactly(positions.get(1));
        }
    }

    @StorageTest
    void aRetryingEventHoldsBackLaterEventsOfItsSubjectOnlyAndComesBackWhenDue(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.deliveries().register(List.of("ops"), T0));
            var positions = append(storage, X, X, Y);
            fanOut(storage);

            var lease = lease(T0);
            var first = claim(storage, "ops", lease, T0);
            boolean kept = storage.get(tx -> tx.deliveries().scheduleRetry(first.get(0).id(), lease.token(), 1,
                    minutesAfterT0(10), "HTTP 503"));
            storage.run(tx -> tx.deliveries().markDelivered(first.get(1).id(), lease.token(), 1, T0, Optional.empty()));
            var beforeDue = claim(storage, "ops", lease(minutesAfterT0(5)), minutesAfterT0(5));
            var due = claim(storage, "ops", lease(minutesAfterT0(10)), minutesAfterT0(10));

            assertThat(kept).isTrue();
            assertThat(beforeDue).as("X waits for its first event, Y is done").isEmpty();
            assertThat(due).extracting(PendingDelivery::position).containsExactly(positions.get(0));
            assertThat(due).extracting(PendingDelivery::attempts).containsExactly(1);
        }
    }

    @StorageTest
    void aDeadEventLetsItsSubjectGoOnAndARevivedOneIsPendingAgainWithFreshAttempts(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.deliveries().register(List.of("ops"), T0));
            var positions = append(storage, X, X);
            fanOut(storage);

            var lease = lease(T0);
            var first = claim(storage, "ops", lease, T0).get(0);
            storage.run(tx -> tx.deliveries().markDead(first.id(), lease.token(), 8, minutesAfterT0(1), "rejected: 400"));
            var next = claim(storage, "ops", lease(T0), T0);
            var dead = storage.get(tx -> tx.deliveries().dead(Optional.empty(), Optional.empty(), 10));
            boolean revived = storage.get(tx -> tx.deliveries().revive(first.id(), minutesAfterT0(2)));
            boolean revivedTwice = storage.get(tx -> tx.deliveries().revive(first.id(), minutesAfterT0(2)));
            var again = claim(storage, "ops", lease(minutesAfterT0(2)), minutesAfterT0(2));

            assertThat(next).extracting(PendingDelivery::position).containsExactly(positions.get(1));
            assertThat(dead).containsExactly(new DeadLetter(Long.toString(first.id()), "ops", "TicketClosed",
                    X.value(), T0, 8, Optional.of("rejected: 400"), minutesAfterT0(1)));
            assertThat(revived).isTrue();
            assertThat(revivedTwice).as("no longer dead").isFalse();
            assertThat(again).extracting(PendingDelivery::position, PendingDelivery::attempts)
                    .containsExactly(tuple(positions.get(0), 0));
            List<DeadLetter> deadAfterwards = storage.get(tx -> tx.deliveries().dead(Optional.empty(), Optional.empty(), 10));
            assertThat(deadAfterwards).isEmpty();
        }
    }

    @StorageTest
    void anExpiredLeaseIsTakenOverAndOnlyTheNewLeaseRecordsTheOutcome(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.deliveries().register(List.of("ops"), T0));
            append(storage, X);
            fanOut(storage);

            var dead = new Lease(UUID.randomUUID().toString(), minutesAfterT0(1));
            var taken = claim(storage, "ops", dead, T0);
            var whileLeased = claim(storage, "ops", lease(T0.plusSeconds(30)), T0.plusSeconds(30));
            var takeover = lease(minutesAfterT0(2));
            var takenOver = claim(storage, "ops", takeover, minutesAfterT0(2));
            long id = taken.get(0).id();
            boolean byOldLease = storage.get(tx -> tx.deliveries().markDelivered(id, dead.token(), 1, T0, Optional.empty()));
            boolean byNewLease = storage.get(tx -> tx.deliveries().markDelivered(id, takeover.token(), 1, T0,
                    Optional.of("250 OK")));

            assertThat(whileLeased).isEmpty();
            assertThat(takenOver).extracting(PendingDelivery::id).containsExactly(id);
            assertThat(byOldLease).isFalse();
            assertThat(byNewLease).isTrue();
        }
    }

    @StorageTest
    void releasedDeliveriesCanBeClaimedAtOnce(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.deliveries().register(List.of("ops"), T0));
            append(storage, X, Y);
            fanOut(storage);

            var lease = lease(T0);
            var claimed = claim(storage, "ops", lease, T0);
            storage.run(tx -> tx.deliveries().release(claimed.stream().map(PendingDelivery::id).toList(), lease.token()));
            var again = claim(storage, "ops", lease(T0), T0);

            assertThat(again).extracting(PendingDelivery::id)
                    .containsExactlyElementsOf(claimed.stream().map(PendingDelivery::id).toList());
        }
    }

    @StorageTest
    void deadLettersPageByIdAndFilterBySubscriberAndAllOfOneCanBeRevived(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.deliveries().register(List.of("ops", "mail"), T0));
            append(storage, X, Y);
            fanOut(storage);
            for (String subscriber : List.of("ops", "mail")) {
                var lease = lease(T0);
                claim(storage, subscriber, lease, T0).forEach(d -> storage.run(tx ->
                        tx.deliveries().markDead(d.id(), lease.token(), 1, T0, "rejected")));
            }

            var firstPage = storage.get(tx -> tx.deliveries().dead(Optional.empty(), Optional.empty(), 3));
            long last = Long.parseLong(firstPage.getLast().id());
            var rest = storage.get(tx -> tx.deliveries().dead(Optional.empty(), Optional.of(last), 3));
            var mail = storage.get(tx -> tx.deliveries().dead(Optional.of("mail"), Optional.empty(), 10));
            int revived = storage.get(tx -> tx.deliveries().reviveAll("mail", minutesAfterT0(1)));
            var left = storage.get(tx -> tx.deliveries().dead(Optional.empty(), Optional.empty(), 10));

            assertThat(firstPage).hasSize(3);
            assertThat(rest).hasSize(1);
            assertThat(mail).extracting(DeadLetter::subscriber).containsExactly("mail", "mail");
            assertThat(revived).isEqualTo(2);
            assertThat(left).extracting(DeadLetter::subscriber).containsExactly("ops", "ops");
        }
    }

    @StorageTest
    void oneTransactionAtATimeHoldsTheFanOutTurn(TestDatabase db) throws Exception {
        try (var storage = TestStorage.on(db)) {
            var holding = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var holder = CompletableFuture.supplyAsync(() -> storage.get(tx -> {
                boolean turn = tx.deliveries().takeFanOutTurn();
                holding.countDown();
                await(release);
                return turn;
            }));
            assertThat(holding.await(1, TimeUnit.MINUTES)).isTrue();

            boolean whileHeld = storage.get(tx -> tx.deliveries().takeFanOutTurn());
            release.countDown();
            boolean holderHadIt = holder.get(1, TimeUnit.MINUTES);
            boolean afterwards = storage.get(tx -> tx.deliveries().takeFanOutTurn());

            assertThat(holderHadIt).isTrue();
            assertThat(whileHeld).isFalse();
            assertThat(afterwards).isTrue();
        }
    }

    @StorageTest
    void subscribersNotSeenSinceAreLeftOutOfTheFanOut(TestDatabase db) {
        Instant week = T0.plus(Duration.ofDays(7));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.deliveries().register(List.of("old", "listeners"), T0));
            storage.run(tx -> tx.deliveries().register(List.of("listeners", "new"), week));

            var lately = storage.get(tx -> tx.deliveries().subscribers(week.minus(Duration.ofDays(1))));
            var all = storage.get(tx -> tx.deliveries().subscribers(T0));

            assertThat(lately).isEqualTo(Set.of("listeners", "new"));
            assertThat(all).isEqualTo(Set.of("old", "listeners", "new"));
        }
    }

    private static List<Long> append(TestStorage storage, TicketId... subjects) {
        storage.run(tx -> {
            for (int i = 0; i < subjects.length; i++) {
                tx.outbox().append(new TicketClosed(subjects[i], T0, ACTOR));
            }
        });
        return storage.get(tx -> tx.outbox().undelivered(100)).stream().map(OutboxEntry::position).toList();
    }

    /** What the SDK's fan-out does: every new event to every subscriber seen since T0. */
    private static void fanOut(TestStorage storage) {
        storage.run(tx -> {
            assertThat(tx.deliveries().takeFanOutTurn()).isTrue();
            var events = tx.outbox().undelivered(100);
            tx.deliveries().enqueue(events, tx.deliveries().subscribers(T0), T0);
            tx.outbox().markDelivered(events.stream().map(OutboxEntry::position).toList());
        });
    }

    private static List<PendingDelivery> claim(TestStorage storage, String subscriber, Lease lease, Instant now) {
        return storage.get(tx -> tx.deliveries().claim(subscriber, lease, now, 10));
    }

    private static Lease lease(Instant from) {
        return new Lease(UUID.randomUUID().toString(), from.plus(Duration.ofMinutes(1)));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
