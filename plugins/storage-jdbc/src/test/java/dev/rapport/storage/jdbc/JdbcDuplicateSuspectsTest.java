package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.spi.storage.DuplicateProbe;
import dev.rapport.api.spi.storage.DuplicateSuspect;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.List;
import java.util.Set;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The duplicate-suspect contract of CustomerStore, with the same expectations on H2 and on PostgreSQL. */
class JdbcDuplicateSuspectsTest {
    @StorageTest
    void aSharedPhoneOrEmailComesFirstThenCloseNamesByHowCloseTheyAre(TestDatabase db) {
        var samePhone = aCustomer().withCode("C2026000003").withName("Zenith Ltd")
                .withContact(aContact("Bo", "+8613812345678", null)).build();
        var sameEmail = aCustomer().withCode("C2026000002").withName("Apex Foods")
                .withContact(aContact("Li", null, "Orders@Northwind.example")).build();
        var sameName = aCustomer().withCode("C2026000004").withName("NORTHWIND-TRADING").build();
        var closeName = aCustomer().withCode("C2026000001").withName("Northwind Tradng").build();
        var farName = aCustomer().withCode("C2026000005").withName("Northwind Retail").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, samePhone, sameEmail, sameName, closeName, farName);

            var suspects = suspects(storage, new DuplicateProbe("Northwind Trading", Set.of("13812345678",
                    "+8613812345678"), Set.of("orders@northwind.example"), 0.75, 10));

            assertThat(suspects).extracting(DuplicateSuspect::code, DuplicateSuspect::samePhone,
                    DuplicateSuspect::sameEmail).containsExactly(
                    tuple("C2026000002", false, true),
                    tuple("C2026000003", true, false),
                    tuple("C2026000004", false, false),
                    tuple("C2026000001", false, false));
            assertThat(suspects.get(2).nameSimilarity()).isGreaterThan(suspects.get(3).nameSimilarity());
            assertThat(suspects.get(3).nameSimilarity()).isEqualTo(0.75);
            assertThat(suspects.getFirst().name()).isEqualTo("Apex Foods");
        }
    }

    @StorageTest
    void closeChineseNamesAreSuspects(TestDatabase db) {
        var xinghe = aCustomer().withName("上海星河贸易有限公司").build();
        var other = aCustomer().withName("上海云栈科技有限公司").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, xinghe, other);

            var suspects = suspects(storage, new DuplicateProbe("上海星河贸易公司", Set.of(), Set.of(), 0.75, 10));

            assertThat(suspects).extracting(DuplicateSuspect::id).containsExactly(xinghe.id());
        }
    }

    @StorageTest
    void legalFormsNeitherMakeNamesAlikeNorTellThemApart(TestDatabase db) {
        var withLegalForm = aCustomer().withName("Northwind Trading Co., Ltd.").build();
        var sameTradeAndForm = aCustomer().withName("合蓝能源有限公司").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, withLegalForm, sameTradeAndForm);

            var northwind = suspects(storage, new DuplicateProbe("Northwind Trading", Set.of(), Set.of(), 0.75, 10));
            var energy = suspects(storage, new DuplicateProbe("世飞能源有限公司", Set.of(), Set.of(), 0.75, 10));

            assertThat(northwind).extracting(DuplicateSuspect::id).containsExactly(withLegalForm.id());
            assertThat(northwind.getFirst().nameSimilarity()).isEqualTo(1.0);
            assertThat(energy).isEmpty();
        }
    }

    @StorageTest
    void nothingToGoByFindsNoSuspects(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            insert(storage, aCustomer().withName("Zenith").withContact(aContact("Bo", "13812345678", null)).build());

            assertThat(suspects(storage, new DuplicateProbe("!!", Set.of(), Set.of(), 0.75, 10))).isEmpty();
            assertThat(suspects(storage, new DuplicateProbe("Apex", Set.of("13900000000"), Set.of("a@b.c"), 0.75, 10)))
                    .isEmpty();
        }
    }

    @StorageTest
    void atMostTheLimitIsReturned(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            for (int i = 0; i < 4; i++) {
                insert(storage, aCustomer().withName("Zenith").build());
            }

            assertThat(suspects(storage, new DuplicateProbe("Zenith", Set.of(), Set.of(), 0.75, 3))).hasSize(3);
        }
    }

    private static void insert(TestStorage storage, Customer... customers) {
        storage.run(tx -> List.of(customers).forEach(tx.customers()::insert));
    }

    private static List<DuplicateSuspect> suspects(TestStorage storage, DuplicateProbe probe) {
        return storage.get(tx -> tx.customers().suspects(probe));
    }
}
