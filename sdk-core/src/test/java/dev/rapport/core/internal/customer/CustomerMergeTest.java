package dev.rapport.core.internal.customer;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.customer.NewInteraction;
import dev.rapport.api.customer.NewPurchase;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerMergeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(MutableClock.at("2026-11-23T02:00:00Z"));
    private final Actor system = Actor.system();

    @StorageTest
    void everythingOfTheDuplicateMovesToTheSurvivorAndNothingIsLost(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var survivor = withHistory(rapport, 2, 1, 1);
        var duplicate = withHistory(rapport, 1, 2, 1);
        int ticketsBefore = tickets(rapport, survivor) + tickets(rapport, duplicate);
        int interactionsBefore = interactions(rapport, survivor) + interactions(rapport, duplicate);
        int purchasesBefore = purchases(rapport, survivor) + purchases(rapport, duplicate);
        int contactsBefore = survivor.contacts().size() + duplicate.contacts().size();

        var merged = rapport.customers().merge(system, survivor.id(), duplicate.id());

        assertThat(tickets(rapport, merged)).isEqualTo(ticketsBefore);
        assertThat(interactions(rapport, merged)).isEqualTo(interactionsBefore);
        assertThat(purchases(rapport, merged)).isEqualTo(purchasesBefore);
        assertThat(merged.contacts()).hasSize(contactsBefore).containsAll(duplicate.contacts());
        assertThat(rapport.timeline().of(system, merged.id(), PageRequest.first(200)).items())
                .hasSize(ticketsBefore + interactionsBefore + purchasesBefore);
        assertThat(rapport.purchases().cumulative(system, merged.id()).orElseThrow().amount())
                .isEqualByComparingTo("40");

        var pointer = rapport.customers().get(system, duplicate.id());
        assertThat(pointer.mergedInto()).contains(survivor.id());
        assertThat(pointer.contacts()).isEmpty();
        assertThat(tickets(rapport, pointer)).isZero();
        assertThat(rapport.customers().history(system, survivor.id())).extracting(AuditEntry::action).contains("customer.merged");
        assertThat(rapport.customers().history(system, duplicate.id()).getLast().action()).isEqualTo("customer.merged-into");
    }

    @StorageTest
    void theMergedDuplicateIsNoLongerFoundAndTakesNoNewWork(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var survivor = rapport.customers().create(system, aCustomer().build());
        var duplicate = rapport.customers().create(system, aCustomer().name("Quirkwood Trading").build());
        rapport.customers().merge(system, survivor.id(), duplicate.id());

        assertThat(rapport.customers().search(system, "Quirkwood", PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> rapport.tickets().open(system, aTicket(duplicate.id()).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("customerId"));
        assertThatThrownBy(() -> rapport.interactions().log(system, duplicate.id(),
                NewInteraction.of(InteractionMethod.PHONE, "x", "y"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.customers().update(system, duplicate.id(),
                rapport.customers().get(system, duplicate.id()).update(duplicate.profile())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("customer.merged"));
    }

    @StorageTest
    void mergingAgainChangesNothing(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var survivor = withHistory(rapport, 1, 1, 0);
        var duplicate = withHistory(rapport, 1, 0, 0);
        var first = rapport.customers().merge(system, survivor.id(), duplicate.id());
        int audited = rapport.customers().history(system, survivor.id()).size();

        var again = rapport.customers().merge(system, survivor.id(), duplicate.id());

        assertThat(again).isEqualTo(first);
        assertThat(rapport.customers().history(system, survivor.id())).hasSize(audited);
    }

    @StorageTest
    void aCustomerCannotBeMergedIntoItselfNorAMergedOneReused(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var a = rapport.customers().create(system, aCustomer().build());
        var b = rapport.customers().create(system, aCustomer().build());
        var c = rapport.customers().create(system, aCustomer().build());
        assertThatThrownBy(() -> rapport.customers().merge(system, a.id(), a.id()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("duplicateId"));
        rapport.customers().merge(system, a.id(), b.id());
        assertThatThrownBy(() -> rapport.customers().merge(system, c.id(), b.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rapport.customers().merge(system, b.id(), c.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rapport.customers().merge(system, a.id(), CustomerId.of("nobody")))
                .isInstanceOf(NotFoundException.class);
    }

    @StorageTest
    void customersBuyingInDifferentCurrenciesAreNotMerged(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var yuan = rapport.customers().create(system, aCustomer().build());
        var euro = rapport.customers().create(system, aCustomer().build());
        rapport.purchases().record(system, yuan.id(), new NewPurchase(TODAY, BigDecimal.TEN, "CNY"));
        rapport.purchases().record(system, euro.id(), new NewPurchase(TODAY, BigDecimal.TEN, "EUR"));
        rapport.tickets().open(system, aTicket(euro.id()).build());

        assertThatThrownBy(() -> rapport.customers().merge(system, yuan.id(), euro.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("customer.merge.currency"));
        assertThat(tickets(rapport, euro)).isEqualTo(1);
        assertThat(rapport.customers().get(system, euro.id()).mergedInto()).isEmpty();
    }

    @StorageTest
    void combinedPurchasesCanMakeTheSurvivorAKeyAccount(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var survivor = rapport.customers().create(system, aCustomer().build());
        var duplicate = rapport.customers().create(system, aCustomer().build());
        rapport.purchases().record(system, survivor.id(), new NewPurchase(TODAY, new BigDecimal("300000"), "CNY"));
        rapport.purchases().record(system, duplicate.id(), new NewPurchase(TODAY, new BigDecimal("200000"), "CNY"));

        assertThat(rapport.customers().merge(system, survivor.id(), duplicate.id()).keyAccount()).isTrue();
    }

    private Customer withHistory(Rapport rapport, int tickets, int interactions, int purchases) {
        var customer = rapport.customers().create(system, aCustomer().build(), true);
        for (int i = 0; i < tickets; i++) {
            rapport.tickets().open(system, aTicket(customer.id()).build());
        }
        for (int i = 0; i < interactions; i++) {
            rapport.interactions().log(system, customer.id(), NewInteraction.of(InteractionMethod.EMAIL, "Mail " + i, "Text"));
        }
        for (int i = 0; i < purchases; i++) {
            rapport.purchases().record(system, customer.id(), new NewPurchase(TODAY, BigDecimal.valueOf(20), "CNY"));
        }
        return customer;
    }

    private int tickets(Rapport rapport, Customer customer) {
        return rapport.tickets().list(system, TicketFilter.all().withCustomer(customer.id()), PageRequest.first(200)).items().size();
    }

    private int interactions(Rapport rapport, Customer customer) {
        return rapport.interactions().list(system, customer.id(), PageRequest.first(200)).items().size();
    }

    private int purchases(Rapport rapport, Customer customer) {
        return rapport.purchases().list(system, customer.id(), PageRequest.first(200)).items().size();
    }
}
