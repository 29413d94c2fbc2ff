package dev.rapport.storage.jdbc;

import dev.rapport.api.Money;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Purchase;
import dev.rapport.api.customer.PurchaseId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Before;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcPurchaseStoreTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @StorageTest
    void purchasesRoundTripExactlyAndAddUpPerCurrency(TestDatabase db) {
        Customer customer = aCustomer().build();
        var first = purchase(customer.id(), "p1", DAY, "1200.50");
        var second = purchase(customer.id(), "p2", DAY.plusDays(1), "0.25");
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.purchases().insert(first);
                tx.purchases().insert(second);
            });
            List<Purchase> all = storage.get(tx -> tx.purchases().ofCustomer(customer.id(), Optional.empty(), 10, SHANGHAI));
            List<Money> totals = storage.get(tx -> tx.purchases().totals(customer.id()));

            assertThat(all).containsExactly(second, first);
            assertThat(totals).containsExactly(Money.of("1200.75", "CNY"));
        }
    }

    @StorageTest
    void aBoundAtTheStartOfADayContinuesWithinItByIdAndOneLaterTakesTheWholeDay(TestDatabase db) {
        Customer customer = aCustomer().build();
        var a = purchase(customer.id(), "a", DAY, "1");
        var b = purchase(customer.id(), "b", DAY, "2");
        var earlier = purchase(customer.id(), "c", DAY.minusDays(1), "3");
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                List.of(a, b, earlier).forEach(tx.purchases()::insert);
            });
            Instant dayStart = DAY.atStartOfDay(SHANGHAI).toInstant();
            List<Purchase> afterB = storage.get(tx -> tx.purchases().ofCustomer(customer.id(),
                    Optional.of(new Before(dayStart, "b")), 10, SHANGHAI));
            List<Purchase> beforeNoon = storage.get(tx -> tx.purchases().ofCustomer(customer.id(),
                    Optional.of(new Before(dayStart.plusSeconds(12 * 3600), "")), 10, SHANGHAI));

            assertThat(afterB).containsExactly(a, earlier);
            assertThat(beforeNoon).containsExactly(b, a, earlier);
        }
    }

    private static Purchase purchase(CustomerId customer, String id, LocalDate date, String amount) {
        return new Purchase(PurchaseId.of(id), customer, date, Money.of(amount, "CNY"), UserId.of("agent-1"),
                Instant.parse("2026-11-23T02:00:00Z"));
    }
}
