package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Segment;
import dev.rapport.api.security.UserId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.List;
import java.util.stream.IntStream;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.CustomerBuilder.aFullyDescribedCustomer;
import static dev.rapport.storage.jdbc.Fixtures.aContact;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcCustomerStoreTest {
    @StorageTest
    void customerWithEveryOptionalFieldContactsAndTagsRoundTrips(TestDatabase db) {
        var customer = aFullyDescribedCustomer().build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(customer));

            var found = storage.get(tx -> tx.customers().find(customer.id()));
            assertThat(found).contains(customer);
        }
    }

    @StorageTest
    void customerWithoutOptionalFieldsOrContactsRoundTrips(TestDatabase db) {
        var customer = aCustomer().build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(customer));

            var found = storage.get(tx -> tx.customers().find(customer.id()));
            assertThat(found).contains(customer);
        }
    }

    @StorageTest
    void onlyStoredCustomersExistOrAreFound(TestDatabase db) {
        var stored = aCustomer().build();
        var unknown = CustomerId.of("no-such-customer");
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(stored));

            boolean storedExists = storage.get(tx -> tx.customers().exists(stored.id()));
            boolean unknownExists = storage.get(tx -> tx.customers().exists(unknown));
            var unknownFound = storage.get(tx -> tx.customers().find(unknown));

            assertThat(storedExists).isTrue();
            assertThat(unknownExists).isFalse();
            assertThat(unknownFound).isEmpty();
        }
    }

    @StorageTest
    void onlyAKeyAccountNamesItsAccountManager(TestDatabase db) {
        var manager = UserId.of("manager-1");
        var keyAccount = aCustomer().asKeyAccountOf(manager).build();
        var managedOnly = aCustomer().managedBy(manager).build();
        var plain = aCustomer().build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> List.of(keyAccount, managedOnly, plain).forEach(tx.customers()::insert));

            var ofKeyAccount = storage.get(tx -> tx.customers().keyAccountManager(keyAccount.id()));
            var ofManagedOnly = storage.get(tx -> tx.customers().keyAccountManager(managedOnly.id()));
            var ofPlain = storage.get(tx -> tx.customers().keyAccountManager(plain.id()));
            var ofUnknown = storage.get(tx -> tx.customers().keyAccountManager(CustomerId.of("no-such-customer")));

            assertThat(ofKeyAccount).contains(manager);
            assertThat(ofManagedOnly).isEmpty();
            assertThat(ofPlain).isEmpty();
            assertThat(ofUnknown).isEmpty();
        }
    }

    @StorageTest
    void updateReplacesFieldsAndContactsKeepingTheGivenContactIdsAndOrder(TestDatabase db) {
        var original = aFullyDescribedCustomer().build();
        var kept = original.contacts().get(1);
        var added = aContact("Chen Jie", "+8613900001111", null);
        var changed = CustomerBuilder.from(original)
                .withName("Zhang Wei Holdings")
                .withSegment(Segment.RETURNING)
                .withTags("price")
                .withContacts(List.of(added, kept))
                .withUpdatedAt(minutesAfterT0(30))
                .withVersion(2)
                .build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(original));

            boolean updated = storage.get(tx -> tx.customers().update(changed, 1));

            var found = storage.get(tx -> tx.customers().find(original.id()));
            assertThat(updated).isTrue();
            assertThat(found).contains(changed);
        }
    }

    @StorageTest
    void updateWithStaleVersionWritesNothing(TestDatabase db) {
        var original = aFullyDescribedCustomer().build();
        var stale = CustomerBuilder.from(original).withName("Lost Update").withContacts(List.of()).withVersion(3)
                .build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(original));

            boolean updated = storage.get(tx -> tx.customers().update(stale, 2));

            var found = storage.get(tx -> tx.customers().find(original.id()));
            assertThat(updated).isFalse();
            assertThat(found).contains(original);
        }
    }

    @StorageTest
    void updateOfAMissingCustomerWritesNothing(TestDatabase db) {
        var neverStored = aCustomer().withContact(aContact("Ghost", "13800000000", null)).build();
        try (var storage = TestStorage.on(db)) {
            boolean updated = storage.get(tx -> tx.customers().update(neverStored, 1));

            boolean exists = storage.get(tx -> tx.customers().exists(neverStored.id()));
            assertThat(updated).isFalse();
            assertThat(exists).isFalse();
        }
    }

    @StorageTest
    void contactsKeepTheirOrderBeyondTenContacts(TestDatabase db) {
        var contacts = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> aContact("Contact " + i, "138000000" + "%02d".formatted(i), null))
                .toList();
        var customer = aCustomer().withContacts(contacts).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(customer));

            var found = storage.get(tx -> tx.customers().find(customer.id()));

            assertThat(found.map(Customer::contacts)).contains(contacts);
        }
    }
}
