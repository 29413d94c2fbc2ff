package dev.rapport.core.internal.event;

import dev.rapport.api.PageRequest;
import dev.rapport.api.event.DeadLetter;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.RecordingNotifier;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §8: a plugin that throws, hangs or is slow never breaks or delays the operation that produced the event. */
class BrokenNotifiersTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    private final RecordingNotifier throwing = RecordingNotifier.answering(n -> {
        throw new IllegalStateException("broken plugin");
    });
    private final RecordingNotifier hanging = RecordingNotifier.answering(n -> {
        sleep(Duration.ofDays(1));
        return Delivery.delivered();
    });
    private final RecordingNotifier slow = RecordingNotifier.answering(n -> {
        sleep(Duration.ofSeconds(2));
        return Delivery.delivered();
    });
    private final RecordingNotifier healthy = RecordingNotifier.accepting();
    private final HeardEvents heard = new HeardEvents();

    @StorageTest
    void brokenNotifiersNeitherDelayTicketsNorOtherSubscribersAndEndAsDeadLetters(TestDatabase db) throws Exception {
        var rapport = rapports.start(rapports.builder(db)
                .notifier("throwing", throwing).notifier("hanging", hanging).notifier("slow", slow)
                .notifier("healthy", healthy).listener(heard)
                .config("rapport.events.timeout", "300ms")
                .config("rapport.events.max-attempts", "2")
                .config("rapport.events.backoff-base", "1s")
                .config("rapport.events.poll-interval", "50ms"));

        long start = System.nanoTime();
        var customer = Fixtures.customer(rapport);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        var opened = Duration.ofNanos(System.nanoTime() - start);
        healthy.await("both events", received -> received.size() == 2);
        heard.await(TicketCreated.class, 1);
        var stored = rapport.tickets().get(Actor.system(), ticket.id()).ticket();
        // Retries fall due as the clock moves; the lanes find them at their next poll.
        Eventually.until("three subscribers' dead letters of both events", () -> deadLetters(rapport).size() == 6,
                () -> clock.advance(Duration.ofSeconds(10)));
        var dead = deadLetters(rapport);

        assertThat(stored).isEqualTo(ticket);
        assertThat(opened).as("creating a customer and a ticket").isLessThan(Duration.ofSeconds(2));
        assertThat(dead.stream().collect(Collectors.groupingBy(DeadLetter::subscriber, Collectors.counting())))
                .isEqualTo(Map.of("throwing", 2L, "hanging", 2L, "slow", 2L));
        assertThat(dead).extracting(DeadLetter::attempts).containsOnly(2);
        assertThat(lastErrors(dead, "throwing")).allMatch(e -> e.endsWith("threw java.lang.IllegalStateException"));
        assertThat(lastErrors(dead, "hanging")).allMatch(e -> e.endsWith("no answer within PT0.3S"));
        assertThat(lastErrors(dead, "slow")).allMatch(e -> e.endsWith("no answer within PT0.3S"));
        assertThat(healthy.received()).hasSize(2);
    }

    @StorageTest
    void closingTheSdkStopsTheDeliveryThreadsEvenOfAHungNotifier(TestDatabase db) throws Exception {
        var rapport = rapports.builder(db).notifier("hung-at-close", hanging)
                .config("rapport.notifiers.hung-at-close.timeout", "1h")
                .config("rapport.events.close-timeout", "500ms").build();
        Fixtures.customer(rapport);
        hanging.await("the call that hangs", received -> received.size() == 1);

        long start = System.nanoTime();
        rapport.close();
        var closing = Duration.ofNanos(System.nanoTime() - start);

        assertThat(closing).as("close waits its close-timeout for delivery, not the hour-long time box")
                .isLessThan(Duration.ofSeconds(5));
        Eventually.until("no thread of the notifier left", () -> threads("hung-at-close").isEmpty());
        assertThat(hanging.isClosed()).isTrue();
    }

    private static List<DeadLetter> deadLetters(Rapport rapport) {
        return rapport.deadLetters().list(Actor.system(), Optional.empty(), PageRequest.first()).items();
    }

    private static List<String> lastErrors(List<DeadLetter> dead, String subscriber) {
        return dead.stream().filter(d -> d.subscriber().equals(subscriber)).map(d -> d.lastError().orElseThrow()).toList();
    }

    private static List<String> threads(String subscriber) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.contains("-" + subscriber)).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
