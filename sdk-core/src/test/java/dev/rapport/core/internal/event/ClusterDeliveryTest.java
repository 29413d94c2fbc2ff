package dev.rapport.core.internal.event;

import dev.rapport.api.event.CustomerCreated;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.core.testing.Backlog;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.RecordingNotifier;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes on one database share the deliveries: each event reaches each subscriber once, not once per node. */
class ClusterDeliveryTest {
    private static final int PER_NODE = 40;

    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void twoNodesDeliverEveryEventExactlyOncePerSubscriber(TestDatabase db) throws Exception {
        var database = db.fresh();
        var counterA = RecordingNotifier.answering(n -> pause());
        var counterB = RecordingNotifier.answering(n -> pause());
        var heardA = new HeardEvents();
        var heardB = new HeardEvents();
        var nodeA = rapports.start(node(database, counterA, heardA));
        var nodeB = rapports.start(node(database, counterB, heardB));

        var created = new ArrayList<String>();
        // Threads of their own: the common pool may have one thread only, and would write one node after the other.
        try (var threads = Executors.newFixedThreadPool(2)) {
            var writes = List.of(CompletableFuture.supplyAsync(() -> customers(nodeA), threads),
                    CompletableFuture.supplyAsync(() -> customers(nodeB), threads));
            for (var write : writes) {
                created.addAll(write.get());
            }
        }
        Eventually.until("every event at both subscribers", () ->
                counterA.events(CustomerCreated.class).size() + counterB.events(CustomerCreated.class).size() >= 2 * PER_NODE
                        && heardA.of(CustomerCreated.class).size() + heardB.of(CustomerCreated.class).size() >= 2 * PER_NODE);
        Eventually.until("nothing left to deliver", Backlog.of(database)::isEmpty);

        var notified = Stream.concat(counterA.events(CustomerCreated.class).stream(),
                counterB.events(CustomerCreated.class).stream()).map(e -> e.customerId().value()).toList();
        var heard = Stream.concat(heardA.of(CustomerCreated.class).stream(),
                heardB.of(CustomerCreated.class).stream()).map(e -> e.customerId().value()).toList();
        assertThat(notified).containsExactlyInAnyOrderElementsOf(created);
        assertThat(heard).containsExactlyInAnyOrderElementsOf(created);
    }

    /**
     * Demo nodes have their rule clocks moved forward one after the other, so for a while they disagree by days. Their
     * delivery keeps one time: the node whose rules run ahead does not take the other's claim for a lapsed one.
     */
    @StorageTest
    void aNodeWhoseRuleClockRunsAheadLeavesAnotherNodesDeliveryUnderWayAlone(TestDatabase db) throws Exception {
        var database = db.fresh();
        var calling = new CountDownLatch(1);
        var answer = new CountDownLatch(1);
        var held = RecordingNotifier.answering(n -> {
            calling.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Delivery.delivered();
        });
        var nodeA = rapports.start(node(database, held, new HeardEvents()).deliveryClock(clock));
        nodeA.customers().create(Actor.system(), Fixtures.aCustomer().build(), true);
        assertThat(calling.await(30, TimeUnit.SECONDS)).as("node a delivering the event").isTrue();

        var daysAhead = MutableClock.at(clock.instant().plus(Duration.ofDays(8)));
        var other = RecordingNotifier.accepting();
        var nodeB = rapports.start(Fixtures.builder(database, daysAhead).notifier("counter", other)
                .config("rapport.events.poll-interval", "50ms").deliveryClock(clock));
        assertThat(nodeB.awaitDelivery(Duration.ofSeconds(30))).as("node b's passes over what is due").isTrue();
        assertThat(other.received()).as("deliveries node b made while node a's claim lasted").isEmpty();

        answer.countDown();
        Eventually.until("nothing left to deliver", Backlog.of(database)::isEmpty);
        assertThat(held.events(CustomerCreated.class)).hasSize(1);
        assertThat(other.received()).isEmpty();
    }

    private RapportBuilder node(DatabaseCoordinates database,
                                 RecordingNotifier counter, HeardEvents heard) {
        return Fixtures.builder(database, clock).notifier("counter", counter).listener(heard)
                .config("rapport.events.poll-interval", "50ms");
    }

    private static List<String> customers(Rapport node) {
        return IntStream.range(0, PER_NODE).mapToObj(i -> node.customers().create(Actor.system(),
                Fixtures.aCustomer().build(), true).id().value()).toList();
    }

    private static Delivery pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Delivery.delivered();
    }
}
