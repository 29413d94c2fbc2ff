package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.TaggedTicket;
import dev.rapport.api.spi.storage.TicketQuery;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ProgressEntry;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.CustomerBuilder.aFullyDescribedCustomer;
import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcTicketStoreTest {
    private static final UserId AGENT = UserId.of("agent-1");
    private static final UserId EXPERT = UserId.of("expert-1");

    @StorageTest
    void ticketWithEveryOptionalComponentRoundTrips(TestDatabase db) {
        var customer = aFullyDescribedCustomer().build();
        var earlier = aTicketOf(customer.id()).build();
        var ticket = aTicketOf(customer.id())
                .withContact(customer.contacts().getFirst().id())
                .withTitle("Printer offline")
                .withPriority(Priority.P1)
                .withChannel(IntakeChannel.PHONE)
                .withStatus(TicketStatus.CLOSED)
                .assignedTo(EXPERT)
                .pausedSince(minutesAfterT0(10))
                .relatedTo(earlier.id())
                .relatedTo(TicketId.of("an-archived-ticket"))
                .taggedWith("Invoice", "发票 \"VAT\"")
                .resolvedBy(EXPERT, minutesAfterT0(60))
                .firstRespondedAt(minutesAfterT0(3))
                .closedAt(minutesAfterT0(90))
                .filedBy(AGENT, "customer-service")
                .build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(earlier);
                tx.tickets().insert(ticket);
            });

            var found = storage.get(tx -> tx.tickets().find(ticket.id()));

            assertThat(found).contains(ticket);
        }
    }

    @StorageTest
    void ticketWithoutOptionalComponentsRoundTrips(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
            });

            var found = storage.get(tx -> tx.tickets().find(ticket.id()));

            assertThat(found).contains(ticket);
        }
    }

    @StorageTest
    void missedSlaTargetsAreNotStoredBecauseTheCoreComputesThemOnRead(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).withBreached(SlaTarget.FIRST_RESPONSE).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
            });

            var found = storage.get(tx -> tx.tickets().find(ticket.id())).orElseThrow();

            assertThat(found.sla().breached()).isEmpty();
            assertThat(found).isEqualTo(ticket.toBuilder().sla(withoutBreaches(ticket.sla())).build());
        }
    }

    @StorageTest
    void updateReplacesTheTicketWhenTheVersionStillMatches(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).pausedSince(minutesAfterT0(10)).build();
        var resolved = ticket.toBuilder()
                .status(TicketStatus.RESOLVED)
                .assigneeId(Optional.of(AGENT))
                .resolution(Optional.of(new Resolution("Reset the router", CommunicationMethod.EMAIL, AGENT,
                        minutesAfterT0(40))))
                .sla(TicketBuilder.sla(minutesAfterT0(1), minutesAfterT0(2), minutesAfterT0(3), Optional.empty(),
                        Set.of(SlaTarget.CUSTOMER_UPDATE), Map.of(SlaTarget.FIRST_RESPONSE, Set.of(SlaAlarm.WARNING)),
                        List.of()))
                .escalation(EscalationLevel.EXPERTS)
                .ownerId(Optional.of(AGENT))
                .firstRespondedAt(Optional.of(minutesAfterT0(7)))
                .updatedAt(minutesAfterT0(40))
                .version(2)
                .build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
            });

            boolean updated = storage.get(tx -> tx.tickets().update(resolved, 1));

            var found = storage.get(tx -> tx.tickets().find(ticket.id()));
            assertThat(updated).isTrue();
            assertThat(found).contains(resolved);
        }
    }

    @StorageTest
    void taggedTicketsAreFoundByTypeTagIgnoringCaseAndOpeningTimeOldestFirst(TestDatabase db) {
        var anna = aCustomer().build();
        var bo = aCustomer().build();
        var old = aTicketOf(anna.id()).openedAt(minutesAfterT0(-60)).taggedWith("invoice").build();
        var first = aTicketOf(bo.id()).openedAt(minutesAfterT0(10)).taggedWith("Invoice", "urgent").build();
        var second = aTicketOf(anna.id()).openedAt(minutesAfterT0(5)).taggedWith("INVOICE").build();
        var untagged = aTicketOf(anna.id()).openedAt(minutesAfterT0(20)).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(anna);
                tx.customers().insert(bo);
                List.of(old, first, second, untagged).forEach(tx.tickets()::insert);
            });

            var tagged = storage.get(tx -> tx.tickets().tagged("COMPLAINT", "invoice", T0, 10));
            var otherType = storage.get(tx -> tx.tickets().tagged("CONSULTATION", "invoice", T0, 10));
            var limited = storage.get(tx -> tx.tickets().tagged("COMPLAINT", "Invoice", minutesAfterT0(-90), 1));

            assertThat(tagged).containsExactly(new TaggedTicket(second.id(), anna.id(), minutesAfterT0(5)),
                    new TaggedTicket(first.id(), bo.id(), minutesAfterT0(10)));
            assertThat(otherType).isEmpty();
            assertThat(limited).extracting(TaggedTicket::ticketId).containsExactly(old.id());
        }
    }

    @StorageTest
    void anUpdateReplacesTheTagsTicketsAreFoundAndListedBy(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).taggedWith("invoice").build();
        var retagged = ticket.toBuilder().tags(List.of("Delivery")).version(2).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
            });

            storage.run(tx -> tx.tickets().update(retagged, 1));

            var found = storage.get(tx -> tx.tickets().find(ticket.id()));
            var byOldTag = storage.get(tx -> tx.tickets().tagged("COMPLAINT", "invoice", T0, 10));
            var byNewTag = storage.get(tx -> tx.tickets().tagged("COMPLAINT", "delivery", T0, 10));
            var listedByNewTag = storage.get(tx -> tx.tickets().list(query(TicketFilter.all().withTag("DELIVERY"))));
            var listedByOldTag = storage.get(tx -> tx.tickets().list(query(TicketFilter.all().withTag("invoice"))));

            assertThat(found).contains(retagged);
            assertThat(byOldTag).isEmpty();
            assertThat(byNewTag).extracting(TaggedTicket::ticketId).containsExactly(ticket.id());
            assertThat(listedByNewTag).containsExactly(retagged);
            assertThat(listedByOldTag).isEmpty();
        }
    }

    @StorageTest
    void updateWithStaleVersionWritesNothing(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        var stale = ticket.toBuilder().status(TicketStatus.ASSIGNED).assigneeId(Optional.of(AGENT)).version(5).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
            });

            boolean updated = storage.get(tx -> tx.tickets().update(stale, 4));

            var found = storage.get(tx -> tx.tickets().find(ticket.id()));
            assertThat(updated).isFalse();
            assertThat(found).contains(ticket);
        }
    }

    @StorageTest
    void progressEntriesComeBackOldestFirst(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        var note = new ProgressEntry(minutesAfterT0(10), AGENT, "Called the customer", TicketStatus.IN_PROGRESS,
                Visibility.CUSTOMER, Optional.of(minutesAfterT0(600)));
        var internal = new ProgressEntry(minutesAfterT0(20), EXPERT, "Waiting for spare parts",
                TicketStatus.WAITING_INTERNAL, Visibility.INTERNAL, Optional.empty());
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
                tx.tickets().addProgress(ticket.id(), note);
                tx.tickets().addProgress(ticket.id(), internal);
            });

            var progress = storage.get(tx -> tx.tickets().progress(ticket.id()));

            assertThat(progress).containsExactly(note, internal);
        }
    }

    @StorageTest
    void confirmationsComeBackOldestFirst(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        var unhappy = new Confirmation(Opinion.NEEDS_ADJUSTMENT, Optional.of(CommunicationMethod.PHONE),
                Optional.of("Still slow"), AGENT, minutesAfterT0(100));
        var happy = new Confirmation(Opinion.SATISFIED, Optional.empty(), Optional.empty(), AGENT,
                minutesAfterT0(200));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
                tx.tickets().addConfirmation(ticket.id(), unhappy);
                tx.tickets().addConfirmation(ticket.id(), happy);
            });

            var confirmations = storage.get(tx -> tx.tickets().confirmations(ticket.id()));

            assertThat(confirmations).containsExactly(unhappy, happy);
        }
    }

    @StorageTest
    void existingNamesOnlyTheStoredTickets(TestDatabase db) {
        var customer = aCustomer().build();
        var stored = aTicketOf(customer.id()).build();
        var unknown = TicketId.of("no-such-ticket");
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(stored);
            });

            var existing = storage.get(tx -> tx.tickets().existing(List.of(unknown, stored.id(), stored.id())));
            var none = storage.get(tx -> tx.tickets().existing(List.of()));

            assertThat(existing).containsExactly(stored.id());
            assertThat(none).isEmpty();
        }
    }

    @StorageTest
    void findAllReadsTheStoredTicketsOfTheGivenIds(TestDatabase db) {
        var customer = aCustomer().build();
        var first = aTicketOf(customer.id()).build();
        var second = aTicketOf(customer.id()).withTitle("Second").build();
        var notAsked = aTicketOf(customer.id()).build();
        try (var storage = TestStorage.on(db)) {
            storeAll(storage, List.of(customer), List.of(first, second, notAsked));

            var found = storage.get(tx -> tx.tickets().findAll(
                    List.of(second.id(), TicketId.of("no-such-ticket"), first.id(), second.id())));
            var none = storage.get(tx -> tx.tickets().findAll(List.of()));

            assertThat(found).containsExactlyInAnyOrder(first, second);
            assertThat(none).isEmpty();
        }
    }

    @StorageTest
    void listKeepsTicketsMatchingEveryCriterionOfTheFilter(TestDatabase db) {
        var customer = aCustomer().build();
        var otherCustomer = aCustomer().build();
        var match = aTicketOf(customer.id()).withStatus(TicketStatus.IN_PROGRESS).withPriority(Priority.P2)
                .inDepartment("after-sales").assignedTo(AGENT).build();
        var otherStatusAllowed = aTicketOf(customer.id()).withStatus(TicketStatus.WAITING_CUSTOMER)
                .withPriority(Priority.P2).inDepartment("after-sales").assignedTo(AGENT).build();
        var wrongStatus = aTicketOf(customer.id()).withStatus(TicketStatus.CLOSED).withPriority(Priority.P2)
                .inDepartment("after-sales").assignedTo(AGENT).build();
        var wrongPriority = aTicketOf(customer.id()).withStatus(TicketStatus.IN_PROGRESS).withPriority(Priority.P4)
                .inDepartment("after-sales").assignedTo(AGENT).build();
        var wrongDepartment = aTicketOf(customer.id()).withStatus(TicketStatus.IN_PROGRESS).withPriority(Priority.P2)
                .inDepartment("sales").assignedTo(AGENT).build();
        var wrongAssignee = aTicketOf(customer.id()).withStatus(TicketStatus.IN_PROGRESS).withPriority(Priority.P2)
                .inDepartment("after-sales").assignedTo(EXPERT).build();
        var wrongCustomer = aTicketOf(otherCustomer.id()).withStatus(TicketStatus.IN_PROGRESS)
                .withPriority(Priority.P2).inDepartment("after-sales").assignedTo(AGENT).build();
        var filter = TicketFilter.all()
                .withStatuses(Set.of(TicketStatus.IN_PROGRESS, TicketStatus.WAITING_CUSTOMER))
                .withPriority(Priority.P2)
                .withDepartment(DepartmentId.of("after-sales"))
                .withAssignee(AGENT)
                .withCustomer(customer.id());
        try (var storage = TestStorage.on(db)) {
            storeAll(storage, List.of(customer, otherCustomer), List.of(match, otherStatusAllowed, wrongStatus,
                    wrongPriority, wrongDepartment, wrongAssignee, wrongCustomer));

            var listed = storage.get(tx -> tx.tickets().list(
                    new TicketQuery(filter, Optional.empty(), Optional.empty(), Optional.empty(), T0, 10)));

            assertThat(listed).containsExactly(otherStatusAllowed, match);
        }
    }

    @StorageTest
    void scopeShowsTheDepartmentsTicketsAndTicketsAssignedToTheActor(TestDatabase db) {
        var customer = aCustomer().build();
        var departments = aTicketOf(customer.id()).inDepartment("after-sales").build();
        var assignedElsewhere = aTicketOf(customer.id()).inDepartment("sales").assignedTo(AGENT).build();
        var someoneElses = aTicketOf(customer.id()).inDepartment("sales").assignedTo(EXPERT).build();
        var scope = new TicketQuery.Scope(Optional.of(DepartmentId.of("after-sales")), AGENT);
        try (var storage = TestStorage.on(db)) {
            storeAll(storage, List.of(customer), List.of(departments, assignedElsewhere, someoneElses));

            var listed = storage.get(tx -> tx.tickets().list(
                    new TicketQuery(TicketFilter.all(), Optional.of(scope), Optional.empty(), Optional.empty(), T0, 10)));

            assertThat(listed).containsExactly(assignedElsewhere, departments);
        }
    }

    @StorageTest
    void scopeWithoutDepartmentShowsOnlyTicketsAssignedToTheActor(TestDatabase db) {
        var customer = aCustomer().build();
        var unassigned = aTicketOf(customer.id()).build();
        var own = aTicketOf(customer.id()).assignedTo(AGENT).build();
        var scope = new TicketQuery.Scope(Optional.empty(), AGENT);
        try (var storage = TestStorage.on(db)) {
            storeAll(storage, List.of(customer), List.of(unassigned, own));

            var listed = storage.get(tx -> tx.tickets().list(
                    new TicketQuery(TicketFilter.all(), Optional.of(scope), Optional.empty(), Optional.empty(), T0, 10)));

            assertThat(listed).containsExactly(own);
        }
    }

    @StorageTest
    void listPagesNewestFirstStartingAfterTheGivenTicket(TestDatabase db) {
        var customer = aCustomer().build();
        var tickets = List.of(aTicketOf(customer.id()).build(), aTicketOf(customer.id()).build(),
                aTicketOf(customer.id()).build(), aTicketOf(customer.id()).build(), aTicketOf(customer.id()).build());
        try (var storage = TestStorage.on(db)) {
            storeAll(storage, List.of(customer), tickets.reversed());

            var firstPage = storage.get(tx -> tx.tickets().list(
                    new TicketQuery(TicketFilter.all(), Optional.empty(), Optional.empty(), Optional.empty(), T0, 2)));
            var secondPage = storage.get(tx -> tx.tickets().list(new TicketQuery(TicketFilter.all(), Optional.empty(),
                    Optional.of(firstPage.getLast().id()), Optional.empty(), T0, 2)));
            var lastPage = storage.get(tx -> tx.tickets().list(new TicketQuery(TicketFilter.all(), Optional.empty(),
                    Optional.of(secondPage.getLast().id()), Optional.empty(), T0, 2)));

            assertThat(firstPage).containsExactly(tickets.get(4), tickets.get(3));
            assertThat(secondPage).containsExactly(tickets.get(2), tickets.get(1));
            assertThat(lastPage).containsExactly(tickets.get(0));
        }
    }

    private static void storeAll(TestStorage storage, List<Customer> customers, List<Ticket> tickets) {
        storage.run(tx -> {
            customers.forEach(tx.customers()::insert);
            tickets.forEach(tx.tickets()::insert);
        });
    }

    private static TicketSla withoutBreaches(TicketSla sla) {
        return new TicketSla(sla.calendarId(), sla.updateCadence(), sla.deadlines(), sla.running(), sla.pausedSince(),
                List.of(), List.of());
    }

    private static TicketQuery query(TicketFilter filter) {
        return new TicketQuery(filter, Optional.empty(), Optional.empty(), Optional.empty(), T0, 10);
    }
}
