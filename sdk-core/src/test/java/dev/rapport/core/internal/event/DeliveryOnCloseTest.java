package dev.rapport.core.internal.event;

import dev.rapport.api.event.CustomerCreated;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.api.security.Actor;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A host that closes the SDK, or waits for delivery, hears every event committed before; none is lost either way. */
class DeliveryOnCloseTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closingDeliversEveryEventCommittedBeforeIt(TestDatabase db) {
        var heard = new HeardEvents();
        var rapport = Fixtures.builder(db, clock).listener(slowly(heard)).build();

        var created = createCustomers(rapport, 9);
        rapport.close();

        assertThat(heard.of(CustomerCreated.class)).extracting(e -> e.customerId().value())
                .containsExactlyInAnyOrderElementsOf(created);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void awaitingDeliveryReturnsOnceTheEventsCommittedBeforeAreDelivered(TestDatabase db) throws Exception {
        var heard = new HeardEvents();
        try (var rapport = Fixtures.builder(db, clock).listener(slowly(heard)).build()) {
            var created = createCustomers(rapport, 5);

            assertThat(rapport.awaitDelivery(PATIENCE)).isTrue();

            assertThat(heard.of(CustomerCreated.class)).extracting(e -> e.customerId().value())
                    .containsExactlyInAnyOrderElementsOf(created);
        }
    }

    @Test
    void closingGivesUpAfterItsBoundAndTheNextStartDeliversWhatWasLeft() throws Exception {
        var database = TestDatabase.POSTGRES.fresh();
        var stuck = new CountDownLatch(1);
        DomainEventListener hanging = event -> {
            try {
                stuck.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        // Leases run on the real clock here, so the next node can take over the hung call's delivery.
        var first = Fixtures.builder(database, Clock.systemUTC()).listener(hanging)
                .config("rapport.events.timeout", "1s")
                .config("rapport.events.backoff-base", "100ms")
                .config("rapport.events.close-timeout", "200ms")
                .build();
        List<String> created;
        try {
            created = createCustomers(first, 3);
            assertThat(first.awaitDelivery(Duration.ofMillis(100))).as("delivered past a hung listener").isFalse();
        } finally {
            first.close();
            stuck.countDown();
        }

        var heard = new HeardEvents();
        try (var next = Fixtures.builder(database, Clock.systemUTC()).listener(heard).build()) {
            // The hung call's lease (twice the time box) runs out on the real clock before the next node takes it.
            Eventually.until("the events left undelivered heard after the restart", () ->
                    heard.of(CustomerCreated.class).stream().map(e -> e.customerId().value()).distinct().count() == 3);
            assertThat(heard.of(CustomerCreated.class)).extracting(e -> e.customerId().value())
                    .containsAll(created);
        }
    }

    @Test
    void aClosedSdkWaitsForNothing() throws Exception {
        var rapport = Fixtures.builder(TestDatabase.H2, clock).build();
        rapport.close();

        assertThat(rapport.awaitDelivery(PATIENCE)).isFalse();
    }

    private static List<String> createCustomers(Rapport rapport, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> rapport.customers().create(Actor.system(), Fixtures.aCustomer().build(), true).id().value())
                .toList();
    }

    /** Takes a moment per event, so that events are still pending when the host closes. */
    private static DomainEventListener slowly(HeardEvents heard) {
        return (DomainEvent event) -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heard.on(event);
        };
    }
}
