package dev.rapport.core.event;

import dev.rapport.api.event.CustomerCreated;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventDeliveryTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private final List<DomainEvent> heard = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;


    @StorageTest
    void listenersHearEveryCommittedChangeInOrder(TestDatabase db) throws Exception {
        rapport = rapports.start(rapports.builder(db).listener(heard::add));
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        rapport.tickets().assign(Actor.system(), ticket.id(), new AssignTicket(ticket.version(),
                Optional.of(DepartmentId.of("sales")), Optional.empty()));

        awaitHeard(3);
        assertThat(heard).extracting(DomainEvent::getClass)
                .containsExactly(CustomerCreated.class, TicketCreated.class, TicketAssigned.class);
        assertThat(((TicketCreated) heard.get(1)).ticketId()).isEqualTo(ticket.id());
    }

    @StorageTest
    void aRefusedChangeAnnouncesNothing(TestDatabase db) throws Exception {
        rapport = rapports.start(rapports.builder(db).listener(heard::add));
        assertThatThrownBy(() -> rapport.customers().create(Actor.system(), aCustomer().name("").build()))
                .isInstanceOf(ValidationException.class);
        rapport.customers().create(Actor.system(), aCustomer().build());
        awaitHeard(1);
        Thread.sleep(200);
        assertThat(heard).hasSize(1);
    }

    @StorageTest
    void aFailingListenerNeitherBreaksTheChangeNorOtherListeners(TestDatabase db) throws Exception {
        rapport = rapports.start(rapports.builder(db)
                .listener(event -> {
                    throw new IllegalStateException("broken listener");
                })
                .listener(heard::add));
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        assertThat(rapport.customers().get(Actor.system(), customer.id())).isEqualTo(customer);
        awaitHeard(1);
    }

    @StorageTest
    void aListenerSubscribedLaterHearsWhatIsCommittedFromThenOn(TestDatabase db) throws Exception {
        rapport = rapports.start(rapports.builder(db));
        rapport.customers().create(Actor.system(), aCustomer().build());
        Thread.sleep(100);

        rapport.subscribe(heard::add);
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());

        awaitHeard(1);
        Thread.sleep(200);
        assertThat(heard).hasSize(1);
        assertThat(((CustomerCreated) heard.getFirst()).customerId()).isEqualTo(customer.id());
    }

    private void awaitHeard(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (heard.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(heard).hasSizeGreaterThanOrEqualTo(count);
    }
}
