package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Segment;
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
    void searchRanksTheExactCodeFirstThenNamesStartingWithTheQueryThenTheRest(TestDatabase db) {
        var containsInName = aCustomer().withCode("C2026000001").withName("Big Acme Stores").build();
        var startsWithQuery = aCustomer().withCode("C2026000003").withName("acme Logistics").build();
        var alsoStartsWithQuery = aCustomer().withCode("C2026000002").withName("Acme Trading").build();
        var codeIsTheQuery = aCustomer().withCode("ACME").withName("Zenith Ltd").build();
        var unrelated = aCustomer().withCode("C2026000004").withName("Globex").build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> List.of(containsInName, startsWithQuery, alsoStartsWithQuery, codeIsTheQuery, unrelated)
                    .forEach(tx.customers()::insert));

            var found = storage.get(tx -> tx.customers().search("Acme", true, 0, 10));

            assertThat(found).containsExactly(codeIsTheQuery, alsoStartsWithQuery, startsWithQuery, containsInName);
        }
    }

    @StorageTest
    void searchMatchesContactNamePhoneAndEmailIgnoringCase(TestDatabase db) {
        var byContactName = aCustomer().withContact(aContact("Xu Ming", null, "xu@example.com")).build();
        var byPhone = aCustomer().withContact(aContact("Sun Li", "13812345678", null)).build();
        var byEmail = aCustomer().withContact(aContact("Ma Lin", null, "Orders@Acme.example")).build();
        var noMatch = aCustomer().withContact(aContact("Hu Jun", "13900000000", "hu@example.com")).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> List.of(byContactName, byPhone, byEmail, noMatch).forEach(tx.customers()::insert));

            var byName = storage.get(tx -> tx.customers().search("XU MING", true, 0, 10));
            var byPhoneDigits = storage.get(tx -> tx.customers().search("1234567", true, 0, 10));
            var byMailbox = storage.get(tx -> tx.customers().search("orders@acme", true, 0, 10));

            assertThat(byName).containsExactly(byContactName);
            assertThat(byPhoneDigits).containsExactly(byPhone);
            assertThat(byMailbox).containsExactly(byEmail);
        }
    }

    @StorageTest
    void withoutPersonalDataPhonesAndEmailsDoNotMatch(TestDatabase db) {
        var byPhone = aCustomer().withContact(aContact("Sun Li", "13812345678", null)).build();
        var byEmail = aCustomer().withContact(aContact("Ma Lin", null, "orders@acme.example")).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> List.of(byPhone, byEmail).forEach(tx.customers()::insert));

            List<Customer> byDigits = storage.get(tx -> tx.customers().search("1234567", false, 0, 10));
            List<Customer> byMailbox = storage.get(tx -> tx.customers().search("orders@acme", false, 0, 10));
            List<Customer> byContactName = storage.get(tx -> tx.customers().search("Sun Li", false, 0, 10));

            assertThat(byDigits).isEmpty();
            assertThat(byMailbox).isEmpty();
            assertThat(byContactName).containsExactly(byPhone);
        }
    }

    @StorageTest
    void searchTreatsLikeWildcardsAndTheEscapeCharacterInTheQueryLiterally(TestDatabase db) {
        var percent = aCustomer().withName("100% Cotton").build();
        var noPercent = aCustomer().withName("1000 Cotton").build();
        var underscore = aCustomer().withName("north_wind").build();
        var noUnderscore = aCustomer().withName("northXwind").build();
        var bang = aCustomer().withName("Yahoo! Shop").build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> List.of(percent, noPercent, underscore, noUnderscore, bang)
                    .forEach(tx.customers()::insert));

            var byPercent = storage.get(tx -> tx.customers().search("100%", true, 0, 10));
            var byUnderscore = storage.get(tx -> tx.customers().search("h_w", true, 0, 10));
            var byBang = storage.get(tx -> tx.customers().search("o! s", true, 0, 10));

            assertThat(byPercent).containsExactly(percent);
            assertThat(byUnderscore).containsExactly(underscore);
            assertThat(byBang).containsExactly(bang);
        }
    }

    @StorageTest
    void searchReturnsACustomerOnceWithAllItsContactsWhenSeveralContactsMatch(TestDatabase db) {
        var customer = aCustomer()
                .withContact(aContact("Wang One", "13811110000", null))
                .withContact(aContact("Other Person", "13922220000", null))
                .withContact(aContact("Wang Two", "13833330000", null))
                .build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(customer));

            var found = storage.get(tx -> tx.customers().search("wang", true, 0, 10));

            assertThat(found).containsExactly(customer);
        }
    }

    @StorageTest
    void searchPagesWithOffsetAndLimit(TestDatabase db) {
        var customers = List.of(
                aCustomer().withCode("C2026000010").withName("Shop 1").build(),
                aCustomer().withCode("C2026000011").withName("Shop 2").build(),
                aCustomer().withCode("C2026000012").withName("Shop 3").build(),
                aCustomer().withCode("C2026000013").withName("Shop 4").build(),
                aCustomer().withCode("C2026000014").withName("Shop 5").build());
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> customers.forEach(tx.customers()::insert));

            var secondPage = storage.get(tx -> tx.customers().search("shop", true, 2, 2));
            var lastPage = storage.get(tx -> tx.customers().search("shop", true, 4, 2));

            assertThat(secondPage).containsExactly(customers.get(2), customers.get(3));
            assertThat(lastPage).containsExactly(customers.get(4));
        }
    }

    @StorageTest
    void aBlankQueryListsEveryCustomerByCode(TestDatabase db) {
        var second = aCustomer().withCode("C2026000021").withContact(aContact("A", "13800000001", null)).build();
        var first = aCustomer().withCode("C2026000020").build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> List.of(second, first).forEach(tx.customers()::insert));

            var found = storage.get(tx -> tx.customers().search("  ", true, 0, 10));

            assertThat(found).containsExactly(first, second);
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
