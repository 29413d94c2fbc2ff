package dev.rapport.core.internal.event;

import dev.rapport.api.event.CustomerCreated;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.RecordingNotifier;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventDeliveryTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private final HeardEvents heard = new HeardEvents();
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;

    @StorageTest
    void listenersHearEveryCommittedChangeInOrder(TestDatabase db) throws Exception {
        rapport = rapports.start(rapports.builder(db).listener(heard));
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        rapport.tickets().assign(Actor.system(), ticket.id(), new AssignTicket(ticket.version(),
                Optional.of(DepartmentId.of("sales")), Optional.empty()));

        var events = heard.await(DomainEvent.class, 3);
        assertThat(events).extracting(DomainEvent::getClass)
                .containsExactly(CustomerCreated.class, TicketCreated.class, TicketAssigned.class);
        assertThat(((TicketCreated) events.get(1)).ticketId()).isEqualTo(ticket.id());
    }

    @StorageTest
    void aRefusedChangeAnnouncesNothing(TestDatabase db) throws Exception {
        rapport = rapports.start(rapports.builder(db).listener(heard));
        assertThatThrownBy(() -> rapport.customers().create(Actor.system(), aCustomer().name("").build()))
                .isInstanceOf(ValidationException.class);
        var created = rapport.customers().create(Actor.system(), aCustomer().build());

        rapports.awaitAllDelivered(rapport);
        assertThat(heard.of(CustomerCreated.class)).extracting(CustomerCreated::customerId)
                .containsExactly(created.id());
    }

    @StorageTest
    void aFailingListenerNeitherBreaksTheChangeNorOtherListeners(TestDatabase db) throws Exception {
        rapport = rapports.start(rapports.builder(db)
                .listener(event -> {
                    throw new IllegalStateException("broken listener");
                })
                .listener(heard));
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        assertThat(rapport.customers().get(Actor.system(), customer.id())).isEqualTo(customer);
        assertThat(heard.await(CustomerCreated.class, 1)).extracting(CustomerCreated::customerId)
                .containsExactly(customer.id());
    }

    @StorageTest
    void aListenerSubscribedLaterHearsWhatIsCommittedFromThenOn(TestDatabase db) throws Exception {
        // The notifier shows when the first event has been fanned out: to the subscribers there were then, only.
        var fannedOut = RecordingNotifier.accepting();
        rapport = rapports.start(rapports.builder(db).notifier("fanned-out", fannedOut));
        rapport.customers().create(Actor.system(), aCustomer().build());
        fannedOut.await("the first customer", received -> received.size() == 1);

        rapport.subscribe(heard);
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());

        rapports.awaitAllDelivered(rapport);
        assertThat(heard.of(CustomerCreated.class)).extracting(CustomerCreated::customerId)
                .containsExactly(customer.id());
    }

    /**
     * Each reading the fan-out makes moves the node's clock eight days on, more than the week after which a subscriber
     * no node runs is dropped; as a test's clock, moved by another thread during a pass, does. The node's own
     * listeners still hear its events.
     */
    @StorageTest
    void aNodesOwnSubscribersHearItsEventsHoweverFarItsClockMovesDuringAFanOut(TestDatabase db) {
        var leaping = new FanOutLeapingClock(clock.instant(), Duration.ofDays(8));
        rapport = rapports.start(rapports.builder(db).listener(heard).deliveryClock(leaping));

        var customer = rapport.customers().create(Actor.system(), aCustomer().build());

        assertThat(heard.await(CustomerCreated.class, 1)).extracting(CustomerCreated::customerId)
                .containsExactly(customer.id());
    }

    /** A clock that moves {@code leap} on after every reading on the fan-out's thread; other threads only read it. */
    private static final class FanOutLeapingClock extends Clock {
        private final AtomicReference<Instant> now;
        private final Duration leap;

        FanOutLeapingClock(Instant start, Duration leap) {
            this.now = new AtomicReference<>(start);
            this.leap = leap;
        }

        @Override
        public Instant instant() {
            return Thread.currentThread().getName().equals(EventDelivery.FAN_OUT_THREAD)
                    ? now.getAndUpdate(t -> t.plus(leap)) : now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed");
        }
    }
}
