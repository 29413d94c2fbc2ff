package dev.rapport.core.internal.customer;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.DuplicateCandidate;
import dev.rapport.api.error.DuplicateException;
import dev.rapport.api.security.Actor;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** SPEC §3: a new customer that looks like an existing one is refused with the look-alikes, unless allowed. */
class CustomerDuplicatesTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void theSamePhoneInAnotherFormOrTheSameEmailInAnotherCaseIsADuplicate(TestDatabase db) {
        var rapport = rapports.start(db);
        var byPhone = create(rapport, aCustomer().name("Zenith Foods")
                .contacts(List.of(ContactDraft.of("Bo", "13812345678", null))));
        var byEmail = create(rapport, aCustomer().name("Apex Labs")
                .contacts(List.of(ContactDraft.of("Li", null, "orders@apex.example"))));
        var lookalike = aCustomer().name("Brand New Ltd")
                .contacts(List.of(ContactDraft.of("Wu", "+86 138 1234 5678", "Orders@APEX.example"))).build();

        assertThatThrownBy(() -> rapport.customers().create(Actor.system(), lookalike))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.code()).isEqualTo("customer.duplicate");
                    assertThat(e.candidates()).extracting(DuplicateCandidate::id, DuplicateCandidate::score)
                            .containsExactlyInAnyOrder(tuple(byPhone.id(), 1.0), tuple(byEmail.id(), 1.0));
                    assertThat(e.getMessage()).contains(byPhone.code(), byEmail.code())
                            .doesNotContain("5678", "apex.example", "Zenith", "Apex");
                });
        assertThat(customerCount(rapport)).isEqualTo(2);
    }

    @StorageTest
    void aVeryCloseNameIsADuplicateAndCandidatesComeBestFirst(TestDatabase db) {
        var rapport = rapports.start(db);
        var close = create(rapport, aCustomer().name("Northwind Tradng"));
        var same = create(rapport, aCustomer().name("NORTHWIND TRADING"), true);
        create(rapport, aCustomer().name("Northwind Retail"));

        assertThatThrownBy(() -> rapport.customers().create(Actor.system(), aCustomer().name("Northwind Trading").build()))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.candidates())
                        .extracting(DuplicateCandidate::id, DuplicateCandidate::code, DuplicateCandidate::name,
                                DuplicateCandidate::score)
                        .containsExactly(tuple(same.id(), same.code(), "NORTHWIND TRADING", 1.0),
                                tuple(close.id(), close.code(), "Northwind Tradng", 0.75)));
        assertThat(customerCount(rapport)).isEqualTo(3);
    }

    @StorageTest
    void aCloseChineseNameIsADuplicate(TestDatabase db) {
        var rapport = rapports.start(db);
        var xinghe = create(rapport, aCustomer().name("上海星河贸易有限公司"));

        assertThatThrownBy(() -> rapport.customers().create(Actor.system(), aCustomer().name("上海星河贸易公司").build()))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.candidates())
                        .extracting(DuplicateCandidate::id).containsExactly(xinghe.id()));
    }

    @StorageTest
    void allowingADuplicateCreatesTheCustomer(TestDatabase db) {
        var rapport = rapports.start(db);
        var existing = create(rapport, aCustomer().name("Northwind Trading"));
        var profile = aCustomer().name("Northwind Trading").contacts(existing.profile().contacts().stream()
                .map(c -> ContactDraft.of(c.name(), c.phone().orElse(null), c.email().orElse(null))).toList()).build();

        var created = rapport.customers().create(Actor.system(), profile, true);

        assertThat(created.id()).isNotEqualTo(existing.id());
        assertThat(customerCount(rapport)).isEqualTo(2);
    }

    @StorageTest
    void differentCustomersAreNotDuplicates(TestDatabase db) {
        var rapport = rapports.start(db);
        create(rapport, aCustomer().name("Northwind 1"));

        create(rapport, aCustomer().name("Northwind 2"));
        create(rapport, aCustomer().name("杭州云栈科技有限公司"));

        assertThat(customerCount(rapport)).isEqualTo(3);
    }

    private static Customer create(Rapport rapport, CustomerProfile.Builder profile) {
        return create(rapport, profile, false);
    }

    private static Customer create(Rapport rapport, CustomerProfile.Builder profile,
                                   boolean allowDuplicate) {
        return rapport.customers().create(Actor.system(), profile.build(), allowDuplicate);
    }

    private static int customerCount(Rapport rapport) {
        return rapport.customers().search(Actor.system(), "", PageRequest.first(200)).items().size();
    }
}
