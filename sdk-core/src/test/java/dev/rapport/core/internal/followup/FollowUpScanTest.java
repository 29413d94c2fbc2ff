package dev.rapport.core.internal.followup;

import dev.rapport.api.PageRequest;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.FollowUpDue;
import dev.rapport.api.event.FollowUpOverdue;
import dev.rapport.api.followup.CompleteFollowUp;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Follow-ups falling due and overdue (SPEC §6, §8's FollowUpDue): once, on one node, whenever the scan runs. */
class FollowUpScanTest {
    /** A Monday, 10:00 in Shanghai: the satisfaction check of a ticket closed now is due Thursday 09:00. */
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant CHECK_DUE = Instant.parse("2026-11-26T01:00:00Z");
    private static final Instant CHECK_OVERDUE = Instant.parse("2026-11-26T16:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private User agent;

    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).listener(heard));
        agent = user(rapport, Role.AGENT, "after-sales");
    }

    @StorageTest
    void theOwnerIsToldOnceWhenAFollowUpFallsDue(TestDatabase db) throws InterruptedException {
        start(db);
        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);

        clock.set(CHECK_DUE.minusSeconds(1));
        rapport.runDueWork();
        assertThat(check(ticket).dueAnnouncedAt()).isEmpty();
        clock.set(CHECK_DUE);
        rapport.runDueWork();
        rapport.runDueWork();

        var due = heard.await(FollowUpDue.class, 1);
        assertThat(due.getFirst().followUpId()).isEqualTo(check(ticket).id());
        assertThat(due.getFirst().ownerId()).isEqualTo(agent.id());
        assertThat(due.getFirst().dueAt()).isEqualTo(CHECK_DUE);
        assertThat(check(ticket).dueAnnouncedAt()).contains(CHECK_DUE);
        assertThat(check(ticket).state()).isEqualTo(FollowUpState.PENDING);
        assertThat(check(ticket).version()).as("announced once").isEqualTo(2);
        rapports.awaitAllDelivered(rapport);
        assertThat(heard.of(FollowUpDue.class)).hasSize(1);
    }

    @StorageTest
    void itBecomesOverdueWhenItsDueDayHasPassedWithoutCompletion(TestDatabase db) throws InterruptedException {
        start(db);
        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);
        clock.set(CHECK_DUE);
        rapport.runDueWork();

        clock.set(CHECK_OVERDUE.minusSeconds(1)); // 23:59:59 on the due day, Shanghai time
        rapport.runDueWork();
        assertThat(check(ticket).state()).isEqualTo(FollowUpState.PENDING);
        clock.set(CHECK_OVERDUE);
        rapport.runDueWork();
        rapport.runDueWork();

        assertThat(check(ticket).state()).isEqualTo(FollowUpState.OVERDUE);
        var overdue = heard.await(FollowUpOverdue.class, 1).getFirst();
        assertThat(overdue.followUpId()).isEqualTo(check(ticket).id());
        assertThat(overdue.ownerId()).isEqualTo(agent.id());
        assertThat(rapport.followUps().list(Actor.of(agent), FollowUpFilter.all().withStates(
                Set.of(FollowUpState.OVERDUE)), PageRequest.first()).items()).hasSize(1);
    }

    @StorageTest
    void aScanThatComesLateTellsTheOwnerItWasDueAndMakesItOverdueInThatOrder(TestDatabase db)
            throws InterruptedException {
        start(db);
        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);

        clock.set(CHECK_OVERDUE.plus(Duration.ofHours(1)));
        rapport.runDueWork();

        assertThat(heard.await(FollowUpDue.class, 1).getFirst().followUpId()).isEqualTo(check(ticket).id());
        assertThat(heard.await(FollowUpOverdue.class, 1).getFirst().followUpId()).isEqualTo(check(ticket).id());
        var events = heard.of(DomainEvent.class).stream()
                .filter(e -> e.subjectId().equals(check(ticket).id().value())).map(DomainEvent::eventType).toList();
        assertThat(events).containsSubsequence("FollowUpDue", "FollowUpOverdue");
        assertThat(check(ticket).state()).isEqualTo(FollowUpState.OVERDUE);
    }

    @StorageTest
    void aFollowUpDoneBeforeItsTimeNeverFallsDue(TestDatabase db) throws InterruptedException {
        start(db);
        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);
        rapport.followUps().complete(Actor.of(agent), check(ticket).id(), CompleteFollowUp.of("Called early."));

        clock.set(Instant.parse("2026-11-30T01:00:00Z")); // the usage guide falls due, the check is long past
        rapport.runDueWork();

        assertThat(check(ticket).state()).isEqualTo(FollowUpState.DONE);
        assertThat(heard.await(FollowUpDue.class, 1)).extracting(FollowUpDue::kind)
                .containsExactly(FollowUpKind.USAGE_GUIDE);
        rapports.awaitAllDelivered(rapport);
        assertThat(heard.of(FollowUpDue.class)).hasSize(1);
    }

    @StorageTest
    void theBackgroundScanRaisesTheAlarmsWithoutBeingAsked(TestDatabase db) throws InterruptedException {
        rapport = rapports.start(rapports.builder(db).listener(heard).followUpScanInterval(Duration.ofMillis(50)));
        agent = user(rapport, Role.AGENT, "after-sales");
        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);

        clock.set(CHECK_DUE);

        assertThat(heard.await(FollowUpDue.class, 1).getFirst().followUpId()).isEqualTo(check(ticket).id());
    }

    @StorageTest
    void twoInstancesOnOneDatabaseTellEachOwnerOnce(TestDatabase db) throws Exception {
        var coordinates = db.fresh();
        // The test moves the rules' clock by days between the passes; delivery keeps real time, as a demo's does, so a
        // node's claim on a delivery under way does not lapse for the other node when the clock jumps.
        rapport = rapports.start(Fixtures.builder(coordinates, clock).listener(heard).deliveryClock(Clock.systemUTC()));
        var other = rapports.start(Fixtures.builder(coordinates, clock).listener(heard)
                .deliveryClock(Clock.systemUTC()));
        agent = user(rapport, Role.AGENT, "after-sales");
        var tickets = new ArrayList<Ticket>();
        for (int i = 0; i < 12; i++) {
            tickets.add(Closing.closedBy(rapport, customer(rapport).id(), agent));
        }

        clock.set(CHECK_DUE);
        race(rapport, other);
        clock.set(CHECK_OVERDUE);
        race(rapport, other);

        for (var ticket : tickets) {
            var check = check(ticket);
            assertThat(check.state()).isEqualTo(FollowUpState.OVERDUE);
            assertThat(check.version()).as("announced once and made overdue once").isEqualTo(3);
        }
        assertThat(heard.await(FollowUpDue.class, 12)).extracting(FollowUpDue::followUpId).doesNotHaveDuplicates();
        assertThat(heard.await(FollowUpOverdue.class, 12)).extracting(FollowUpOverdue::followUpId)
                .doesNotHaveDuplicates();
    }

    /** Both instances run their due work at once. */
    static void race(Rapport one, Rapport two) throws Exception {
        var start = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> awaitThen(start, one));
        var second = CompletableFuture.runAsync(() -> awaitThen(start, two));
        start.countDown();
        first.get();
        second.get();
    }

    private static void awaitThen(CountDownLatch start, Rapport rapport) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rapport.runDueWork();
    }

    private FollowUp check(Ticket ticket) {
        return rapport.followUps().list(Actor.system(), FollowUpFilter.all().withTicket(ticket.id()),
                PageRequest.first()).items().stream().filter(f -> f.kind() == FollowUpKind.SATISFACTION_CHECK)
                .findFirst().orElseThrow();
    }
}
