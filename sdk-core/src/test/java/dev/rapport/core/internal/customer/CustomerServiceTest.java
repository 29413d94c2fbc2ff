package dev.rapport.core.internal.customer;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerUpdate;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerServiceTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;

    private void start(TestDatabase db) {
        rapport = rapports.start(db);
    }


    @StorageTest
    void aNewCustomerGetsAnImmutableReadableCode(TestDatabase db) {
        start(db);
        var first = rapport.customers().create(Actor.system(), aCustomer().build());
        var second = rapport.customers().create(Actor.system(), aCustomer().build());
        assertThat(first.code()).matches("C2026\\d{6}");
        assertThat(second.code()).isNotEqualTo(first.code());
        assertThat(rapport.customers().get(Actor.system(), first.id())).isEqualTo(first);
    }

    @StorageTest
    void theFirstContactDefaultsToCreationAndCannotLieAhead(TestDatabase db) {
        start(db);
        var walkIn = rapport.customers().create(Actor.system(), aCustomer().firstContactChannel(IntakeChannel.WALK_IN).build());
        assertThat(walkIn.firstContactAt()).contains(clock.instant());
        assertThat(walkIn.firstContactChannel()).contains(IntakeChannel.WALK_IN);

        var earlier = clock.instant().minus(Duration.ofDays(400));
        var known = rapport.customers().create(Actor.system(), aCustomer().firstContactAt(earlier).build());
        assertThat(rapport.customers().get(Actor.system(), known.id()).firstContactAt()).contains(earlier);

        assertThatThrownBy(() -> rapport.customers().create(Actor.system(),
                aCustomer().firstContactAt(clock.instant().plusSeconds(60)).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("firstContactAt"));
    }

    @StorageTest
    void invalidInputNamesEveryFieldAndStoresNothing(TestDatabase db) {
        start(db);
        var bad = aCustomer().name("").industry("Mining").contacts(List.of(ContactDraft.of("Anna", "123", "anna@"))).build();
        assertThatThrownBy(() -> rapport.customers().create(Actor.system(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "industry", "contacts[0].phone", "contacts[0].email"));
        assertThat(rapport.customers().search(Actor.system(), "", PageRequest.first()).items()).isEmpty();
    }

    @StorageTest
    void anUnknownAccountManagerIsAFieldError(TestDatabase db) {
        start(db);
        var profile = aCustomer().keyAccount(true).accountManagerId(UserId.of("ghost")).build();
        assertThatThrownBy(() -> rapport.customers().create(Actor.system(), profile))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("accountManagerId"));
    }

    @StorageTest
    void updatesNeedTheCurrentVersionAndAreAudited(TestDatabase db) {
        start(db);
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        var renamed = rapport.customers().update(Actor.system(), customer.id(),
                customer.update(customer.profile().toBuilder().name("Northwind Holding").build()));
        assertThat(renamed.name()).isEqualTo("Northwind Holding");
        assertThat(renamed.version()).isEqualTo(customer.version() + 1);

        assertThatThrownBy(() -> rapport.customers().update(Actor.system(), customer.id(),
                customer.update(customer.profile().toBuilder().name("Lost update").build())))
                .isInstanceOf(ConflictException.class);
        assertThat(rapport.customers().get(Actor.system(), customer.id()).name()).isEqualTo("Northwind Holding");
        var history = rapport.customers().history(Actor.system(), customer.id());
        assertThat(history).extracting(AuditEntry::action).containsExactly("customer.created", "customer.updated");
        assertThat(history.get(1).changes()).containsOnlyKeys("name");
        assertThat(history.get(1).changes().get("name").before()).contains(customer.name());
    }

    @StorageTest
    void theCodeCannotBeChanged(TestDatabase db) {
        start(db);
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        assertThatThrownBy(() -> rapport.customers().update(Actor.system(), customer.id(),
                new CustomerUpdate(customer.version(), "C1999000001", customer.profile())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("code"));
    }

    @StorageTest
    void contactDetailsAreMaskedWithoutPiiPermission(TestDatabase db) {
        start(db);
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        Customer seenByExpert = rapport.customers().get(actor(rapport, Role.EXPERT, "technical-support"), customer.id());
        assertThat(seenByExpert.contacts().getFirst().phone()).contains("138****5678");
        assertThat(seenByExpert.contacts().getFirst().email().orElseThrow()).matches("a\\*\\*\\*@northwind\\.example");
        Customer seenByAgent = rapport.customers().get(actor(rapport, Role.AGENT, "customer-service"), customer.id());
        assertThat(seenByAgent.contacts()).isEqualTo(customer.contacts());
    }

    @StorageTest
    void anEditByAnActorWhoSawMaskedContactsKeepsTheRealOnes(TestDatabase db) {
        start(db);
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        var writerWithoutPii = new Actor(UserId.of("writer"), Optional.empty(),
                Set.of(Permission.CUSTOMER_READ, Permission.CUSTOMER_WRITE));
        var masked = rapport.customers().get(writerWithoutPii, customer.id());
        rapport.customers().update(writerWithoutPii, customer.id(),
                masked.update(masked.profile().toBuilder().name("Renamed").build()));
        var stored = rapport.customers().get(Actor.system(), customer.id());
        assertThat(stored.name()).isEqualTo("Renamed");
        assertThat(stored.contacts()).isEqualTo(customer.contacts());
    }

    @StorageTest
    void aCorrectedPhoneOrEmailIsSavedEvenWhenItLooksTheSameMasked(TestDatabase db) {
        start(db);
        var customer = rapport.customers().create(Actor.system(), aCustomer()
                .contacts(List.of(ContactDraft.of("Anna", "13812345678", "anna@northwind.example"))).build());
        var contact = customer.contacts().getFirst();
        var corrected = new ContactDraft(Optional.of(contact.id()), "Anna", Optional.empty(),
                Optional.of("13800005678"), Optional.of("alice@northwind.example"));
        var updated = rapport.customers().update(Actor.system(), customer.id(),
                customer.update(customer.profile().toBuilder().contacts(List.of(corrected)).build()));

        assertThat(updated.version()).isEqualTo(customer.version() + 1);
        var stored = rapport.customers().get(Actor.system(), customer.id()).contacts().getFirst();
        assertThat(stored.phone()).contains("13800005678");
        assertThat(stored.email()).contains("alice@northwind.example");
        var audit = rapport.customers().history(Actor.system(), customer.id()).getLast();
        assertThat(audit.changes()).containsKey("contacts");
        assertThat(audit.changes().toString()).doesNotContain("13800005678", "alice@");
    }

    @StorageTest
    void aContactCannotAppearTwice(TestDatabase db) {
        start(db);
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        var twice = ContactDraft.of(customer.contacts().getFirst());
        assertThatThrownBy(() -> rapport.customers().update(Actor.system(), customer.id(),
                customer.update(customer.profile().toBuilder().contacts(List.of(twice, twice)).build())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("contacts[1].id"));
    }

    @StorageTest
    void searchDoesNotMatchHiddenPhonesOrEmails(TestDatabase db) {
        start(db);
        var customer = rapport.customers().create(Actor.system(), aCustomer()
                .contacts(List.of(ContactDraft.of("Bo", "13812345678", "orders@zenith.example"))).build());
        var expert = actor(rapport, Role.EXPERT, "technical-support");
        assertThat(rapport.customers().search(expert, "1234567", PageRequest.first()).items()).isEmpty();
        assertThat(rapport.customers().search(expert, "orders@zenith", PageRequest.first()).items()).isEmpty();
        assertThat(rapport.customers().search(expert, customer.name(), PageRequest.first()).items()).hasSize(1);
        assertThat(rapport.customers().search(Actor.system(), "1234567", PageRequest.first()).items()).hasSize(1);
        assertThat(rapport.customers().search(Actor.system(), "orders@zenith", PageRequest.first()).items()).hasSize(1);
    }

    @StorageTest
    void writingNeedsThePermission(TestDatabase db) {
        start(db);
        var expert = actor(rapport, Role.EXPERT, "technical-support");
        assertThatThrownBy(() -> rapport.customers().create(expert, aCustomer().build())).isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void searchFindsByCodeNamePhoneAndEmailWithTheExactCodeFirst(TestDatabase db) {
        start(db);
        var anna = rapport.customers().create(Actor.system(), aCustomer().name("Annapurna Trading")
                .contacts(List.of(ContactDraft.of("Li Lei", "13900002222", "lilei@annapurna.example"))).build());
        var other = rapport.customers().create(Actor.system(), aCustomer().name("Blue River " + anna.code()).build());
        assertThat(rapport.customers().search(Actor.system(), anna.code(), PageRequest.first()).items())
                .extracting(Customer::id).containsExactly(anna.id(), other.id());
        assertThat(rapport.customers().search(Actor.system(), "annapurna", PageRequest.first()).items())
                .extracting(Customer::id).first().isEqualTo(anna.id());
        assertThat(rapport.customers().search(Actor.system(), "13900002222", PageRequest.first()).items())
                .extracting(Customer::id).containsExactly(anna.id());
        assertThat(rapport.customers().search(Actor.system(), "LILEI@", PageRequest.first()).items())
                .extracting(Customer::id).containsExactly(anna.id());
    }

    @StorageTest
    void searchPagesFollowTheRankingWithoutRepeatsOrGapsAndCursorsBelongToTheirQuery(TestDatabase db) {
        start(db);
        var created = new ArrayList<Customer>();
        for (var name : List.of("星河物流", "上海星河贸易有限公司", "星河", "北京星河科技", "星河电子")) {
            created.add(rapport.customers().create(Actor.system(), aCustomer().name(name).build(), true));
        }
        var all = rapport.customers().search(Actor.system(), "星河", PageRequest.first()).items();
        var firstPage = rapport.customers().search(Actor.system(), "星河", PageRequest.first(2));
        var secondPage = rapport.customers().search(Actor.system(), "星河",
                PageRequest.after(firstPage.nextCursor().orElseThrow(), 2));
        var lastPage = rapport.customers().search(Actor.system(), "星河",
                PageRequest.after(secondPage.nextCursor().orElseThrow(), 2));

        assertThat(all).hasSize(5).first().isEqualTo(created.get(2));
        assertThat(firstPage.items()).isEqualTo(all.subList(0, 2));
        assertThat(secondPage.items()).isEqualTo(all.subList(2, 4));
        assertThat(lastPage.items()).isEqualTo(all.subList(4, 5));
        assertThat(lastPage.nextCursor()).isEmpty();
        String cursor = firstPage.nextCursor().orElseThrow();
        assertThatThrownBy(() -> rapport.customers().search(Actor.system(), "星河贸易", PageRequest.after(cursor, 2)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
        assertThatThrownBy(() -> rapport.customers().search(Actor.system(), "星河", PageRequest.after("bm9wZQ", 2)))
                .isInstanceOf(ValidationException.class);
    }

    @StorageTest
    void unknownCustomersAreNotFound(TestDatabase db) {
        start(db);
        assertThatThrownBy(() -> rapport.customers().get(Actor.system(), CustomerId.of("missing"))).isInstanceOf(NotFoundException.class);
    }
}
