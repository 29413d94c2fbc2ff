package dev.rapport.core.internal.event;

import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.event.DeadLetter;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Recipient;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.RecordingNotifier;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifierDeliveryTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final RecordingNotifier ops = RecordingNotifier.accepting();

    @StorageTest
    void everyEventReachesTheNotifierInOrderPerSubjectAddressedToThePeopleItNames(TestDatabase db) throws Exception {
        var rapport = rapports.start(rapports.builder(db).notifier("ops", ops));
        var agent = rapport.users().create(Actor.system(), new NewUser("li.lei", "Li Lei",
                DepartmentId.of("after-sales"), Set.of(Role.AGENT), Tier.FRONT_LINE, Fixtures.PASSWORD,
                "li.lei@rapport.example", Locale.ENGLISH));
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));

        ops.await("the assignment", received -> received.stream().anyMatch(n -> n.event() instanceof TicketAssigned));
        var ofTicket = ops.received().stream().filter(n -> n.event().subjectId().equals(ticket.id().value())).toList();
        var assigned = ofTicket.getLast();

        assertThat(ofTicket).extracting(n -> n.event().eventType()).containsExactly("TicketCreated", "TicketAssigned");
        assertThat(assigned.recipients()).containsExactly(new Recipient(agent.id(), "Li Lei",
                Optional.of("li.lei@rapport.example"), Locale.ENGLISH));
        assertThat(ofTicket.getFirst().recipients()).as("TicketCreated names no one").isEmpty();
        assertThat(ops.received()).extracting(Notification::attempt).containsOnly(1);
        assertThat(ops.received()).extracting(Notification::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("rapport-event-"));
        var contact = customer.contacts().getFirst();
        assertThat(ops.received()).as("no customer contact details in notifications").allSatisfy(n ->
                assertThat(n.toString()).doesNotContain(contact.phone().orElseThrow())
                        .doesNotContain(contact.email().orElseThrow()));
    }

    @StorageTest
    void aRetriedEventHoldsBackLaterEventsOfItsTicketButNoOtherTicket(TestDatabase db) throws Exception {
        var failedOnce = new AtomicBoolean();
        ops.answer(n -> n.event() instanceof TicketCreated && failedOnce.compareAndSet(false, true)
                ? new Delivery.RetryLater(Duration.ofMinutes(1), "HTTP 503") : Delivery.delivered());
        var rapport = rapports.start(rapports.builder(db).notifier("ops", ops));
        var customer = Fixtures.customer(rapport);
        var first = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        ops.await("the first attempt", received -> subjects(received).contains(first.id().value()));
        rapport.tickets().assign(Actor.system(), first.id(), new AssignTicket(first.version(),
                Optional.of(DepartmentId.of("sales")), Optional.empty()));
        var second = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());

        // The assignment was committed before the second ticket, so it would have reached the notifier before it.
        ops.await("the second ticket", received -> subjects(received).contains(second.id().value()));
        var whileRetrying = events(ops.received(), first);
        clock.advance(Duration.ofMinutes(2));
        rapport.runDueWork();
        ops.await("the held-back assignment", received -> received.stream().anyMatch(n -> n.event() instanceof TicketAssigned));

        assertThat(whileRetrying).containsExactly("TicketCreated#1");
        assertThat(events(ops.received(), first)).containsExactly("TicketCreated#1", "TicketCreated#2", "TicketAssigned#1");
    }

    @StorageTest
    void aRejectedEventIsADeadLetterAtOnceAndIsDeliveredAgainWhenAnAdminRetriesIt(TestDatabase db) throws Exception {
        ops.answer(n -> n.event() instanceof TicketCreated ? new Delivery.Rejected("400 Bad Request")
                : Delivery.delivered());
        var rapport = rapports.start(rapports.builder(db).notifier("ops", ops));
        var customer = Fixtures.customer(rapport);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        rapport.tickets().assign(Actor.system(), ticket.id(), new AssignTicket(ticket.version(),
                Optional.of(DepartmentId.of("sales")), Optional.empty()));

        ops.await("the assignment after the dead creation",
                received -> received.stream().anyMatch(n -> n.event() instanceof TicketAssigned));
        var dead = rapport.deadLetters().list(Actor.system(), Optional.of("ops"), PageRequest.first()).items();
        var agent = Fixtures.actor(rapport, Role.AGENT, "after-sales");
        ops.answer(n -> Delivery.delivered());
        rapport.deadLetters().retry(Actor.system(), dead.getFirst().id());
        ops.await("the creation once more", received -> received.stream()
                .filter(n -> n.event() instanceof TicketCreated).count() == 2);

        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.eventType()).isEqualTo("TicketCreated");
            assertThat(letter.subjectId()).isEqualTo(ticket.id().value());
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.lastError()).contains("rejected: 400 Bad Request");
        });
        assertThat(ops.events(TicketCreated.class)).hasSize(2);
        assertThat(ops.received().getLast().attempt()).as("fresh attempts").isEqualTo(1);
        assertThat(rapport.deadLetters().list(Actor.system(), Optional.empty(), PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> rapport.deadLetters().retry(Actor.system(), dead.getFirst().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.deadLetters().list(agent, Optional.empty(), PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void anEventThatKeepsFailingIsDeadAfterTheConfiguredAttemptsAndRetryAllSendsItAgain(TestDatabase db)
            throws Exception {
        ops.answer(n -> new Delivery.RetryLater(Duration.ZERO, "HTTP 503"));
        var rapport = rapports.start(rapports.builder(db).notifier("ops", ops)
                .config("rapport.notifiers.ops.max-attempts", "3")
                .config("rapport.notifiers.ops.backoff-base", "10s"));
        Fixtures.customer(rapport);

        Eventually.until("a dead letter", () -> !deadLetters(rapport).isEmpty(), () -> {
            clock.advance(Duration.ofMinutes(1));
            rapport.runDueWork();
        });
        var dead = deadLetters(rapport).getFirst();
        int attemptsBefore = ops.received().size();
        ops.answer(n -> Delivery.delivered());
        int retried = rapport.deadLetters().retryAll(Actor.system(), "ops");
        ops.await("a fourth call", received -> received.size() == 4);

        assertThat(attemptsBefore).isEqualTo(3);
        assertThat(ops.received()).extracting(Notification::attempt).containsExactly(1, 2, 3, 1);
        assertThat(ops.received()).extracting(Notification::id).containsOnly(ops.received().getFirst().id());
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).hasValueSatisfying(error -> assertThat(error).startsWith("gave up after 3 attempt(s)")
                .contains("HTTP 503"));
        assertThat(retried).isEqualTo(1);
        Eventually.until("no dead letter", () -> deadLetters(rapport).isEmpty());
    }

    @StorageTest
    void eventsReachNotifiersWhenNoListenerIsThereAndListenersAddedLaterHearWhatFollows(TestDatabase db)
            throws Exception {
        var rapport = rapports.start(rapports.builder(db).notifier("ops", ops));
        Fixtures.customer(rapport);
        ops.await("the first customer", received -> received.size() == 1);
        var heard = new CopyOnWriteArrayList<DomainEvent>();
        rapport.subscribe(heard::add);
        Fixtures.customer(rapport);

        ops.await("the second customer", received -> received.size() == 2);
        Eventually.until("the listener hearing the second customer", () -> heard.size() == 1);
        assertThat(heard.getFirst().subjectId()).isEqualTo(ops.received().getLast().event().subjectId());
    }

    @StorageTest
    void closingTheSdkClosesItsNotifiers(TestDatabase db) {
        var rapport = rapports.builder(db).notifier("ops", ops).build();
        rapport.close();
        assertThat(ops.isClosed()).isTrue();
    }

    private static List<DeadLetter> deadLetters(Rapport rapport) {
        return rapport.deadLetters().list(Actor.system(), Optional.empty(), PageRequest.first()).items();
    }

    private static List<String> subjects(List<Notification> received) {
        return received.stream().map(n -> n.event().subjectId()).toList();
    }

    private static List<String> events(List<Notification> received, Ticket ticket) {
        return received.stream().filter(n -> n.event().subjectId().equals(ticket.id().value()))
                .map(n -> n.event().eventType() + "#" + n.attempt()).toList();
    }
}
