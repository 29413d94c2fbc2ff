package dev.rapport.core.internal.customer;

import dev.rapport.api.Money;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.NewPurchase;
import dev.rapport.api.customer.Purchase;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;

import static dev.rapport.core.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(MutableClock.at("2026-11-23T02:00:00Z"));

    @StorageTest
    void purchasesAddUpPerCustomer(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        rapport.purchases().record(Actor.system(), customer.id(), new NewPurchase(TODAY.minusDays(40), new BigDecimal("1200.50"), "CNY"));
        var second = rapport.purchases().record(Actor.system(), customer.id(), new NewPurchase(TODAY, new BigDecimal("99.5"), "cny"));

        assertThat(second.amount()).isEqualTo(Money.of("99.50", "CNY"));
        assertThat(rapport.purchases().cumulative(Actor.system(), customer.id())).contains(Money.of("1300", "CNY"));
        assertThat(rapport.purchases().list(Actor.system(), customer.id(), PageRequest.first()).items())
                .extracting(Purchase::date).containsExactly(TODAY, TODAY.minusDays(40));
    }

    @StorageTest
    void reachingTheThresholdMakesAKeyAccountAndIsAudited(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        rapport.purchases().record(Actor.system(), customer.id(), new NewPurchase(TODAY, new BigDecimal("499999.99"), "CNY"));
        assertThat(rapport.customers().get(Actor.system(), customer.id()).keyAccount()).isFalse();

        rapport.purchases().record(Actor.system(), customer.id(), new NewPurchase(TODAY, new BigDecimal("0.01"), "CNY"));
        var now = rapport.customers().get(Actor.system(), customer.id());
        assertThat(now.keyAccount()).isTrue();
        assertThat(now.version()).isEqualTo(customer.version() + 1);
        assertThat(rapport.customers().history(Actor.system(), customer.id())).extracting(AuditEntry::action)
                .containsExactly("customer.created", "customer.purchase-recorded", "customer.purchase-recorded",
                        "customer.updated");
    }

    @StorageTest
    void theThresholdIsConfigurable(TestDatabase db) {
        Rapport rapport = rapports.start(rapports.builder(db).keyAccountThreshold(Money.of("1000", "EUR")));
        var customer = customer(rapport);
        rapport.purchases().record(Actor.system(), customer.id(), new NewPurchase(TODAY, new BigDecimal("1000"), "EUR"));
        assertThat(rapport.customers().get(Actor.system(), customer.id()).keyAccount()).isTrue();
    }

    @StorageTest
    void everyInvalidFieldIsNamedAndOneCustomerKeepsOneCurrency(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        assertThatThrownBy(() -> rapport.purchases().record(Actor.system(), customer.id(),
                new NewPurchase(TODAY.plusDays(1), new BigDecimal("-5"), "XYZ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("date", "amount", "currency"));
        assertThatThrownBy(() -> rapport.purchases().record(Actor.system(), customer.id(),
                new NewPurchase(TODAY, new BigDecimal("10.001"), "CNY")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("amount"));

        rapport.purchases().record(Actor.system(), customer.id(), new NewPurchase(TODAY, BigDecimal.TEN, "CNY"));
        assertThatThrownBy(() -> rapport.purchases().record(Actor.system(), customer.id(),
                new NewPurchase(TODAY, BigDecimal.TEN, "USD")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("currency"));
        assertThat(rapport.purchases().list(Actor.system(), customer.id(), PageRequest.first()).items()).hasSize(1);
    }

    @StorageTest
    void purchasesPageByDateThenNewestFirst(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        for (int i = 0; i < 5; i++) {
            rapport.purchases().record(Actor.system(), customer.id(),
                    new NewPurchase(TODAY.minusDays(i / 2), BigDecimal.valueOf(i + 1), "CNY"));
        }
        var seen = new ArrayList<Purchase>();
        var page = rapport.purchases().list(Actor.system(), customer.id(), PageRequest.first(2));
        seen.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = rapport.purchases().list(Actor.system(), customer.id(), PageRequest.after(page.nextCursor().get(), 2));
            seen.addAll(page.items());
        }
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(seen).extracting(Purchase::date).isSortedAccordingTo(Comparator.reverseOrder());
    }
}
