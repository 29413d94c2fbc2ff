package dev.rapport.core.internal.customer;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerUpdate;
import dev.rapport.api.security.Actor;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

/** Chinese names found by the pinyin users type, on H2 and PostgreSQL, through the SDK that computes the readings. */
class CustomerPinyinSearchTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void fullPinyinWithOrWithoutSpacesAndInitialsFindAChineseName(TestDatabase db) {
        var rapport = rapports.start(db);
        var xinghe = rapport.customers().create(Actor.system(), aCustomer().name("上海星河贸易有限公司").build());
        rapport.customers().create(Actor.system(), aCustomer().name("北京云栈科技有限公司").build());

        for (String query : List.of("xinghe", "xing he", "XingHe", "xing'he", "xh", "shxh", "shanghai xinghe")) {
            assertThat(ids(rapport, query)).as(query).containsExactly(xinghe.id().value());
        }
        assertThat(ids(rapport, "xhx")).isEmpty();
    }

    @StorageTest
    void everyReadingOfAPolyphonicCharacterFindsTheName(TestDatabase db) {
        var rapport = rapports.start(db);
        var chongqing = rapport.customers().create(Actor.system(), aCustomer().name("重庆长安物流有限公司").build());
        var bank = rapport.customers().create(Actor.system(), aCustomer().name("星河银行").build());

        assertThat(ids(rapport, "chongqing")).containsExactly(chongqing.id().value());
        assertThat(ids(rapport, "zhongqing")).containsExactly(chongqing.id().value());
        assertThat(ids(rapport, "changan")).containsExactly(chongqing.id().value());
        assertThat(ids(rapport, "zhangan")).containsExactly(chongqing.id().value());
        assertThat(ids(rapport, "yinhang")).containsExactly(bank.id().value());
        assertThat(ids(rapport, "yinxing")).containsExactly(bank.id().value());
    }

    @StorageTest
    void aRenameChangesTheReadingsAndAContactIsReadToo(TestDatabase db) {
        var rapport = rapports.start(db);
        var customer = rapport.customers().create(Actor.system(), aCustomer().name("星河物流").build());

        var renamed = rapport.customers().update(Actor.system(), customer.id(), new CustomerUpdate(customer.version(),
                null, customer.profile().toBuilder().name("云栈物流").build()));

        assertThat(ids(rapport, "xinghe")).isEmpty();
        assertThat(ids(rapport, "yunzhan")).containsExactly(renamed.id().value());
        assertThat(ids(rapport, "annaschmidt")).as("Latin contact names have no readings").isEmpty();
    }

    @StorageTest
    void customersStoredWithoutReadingsGetThemFromTheBackfill(TestDatabase db) throws SQLException {
        var coordinates = db.fresh();
        var rapport = rapports.start(Fixtures.builder(coordinates, clock));
        var customer = rapport.customers().create(Actor.system(), aCustomer().name("上海星河贸易有限公司").build());
        try (var connection = DriverManager.getConnection(coordinates.url(), coordinates.user(), coordinates.password());
             var statement = connection.createStatement()) {
            // As a customer stored before readings existed; PostgreSQL keeps them on the row.
            statement.executeUpdate("DELETE FROM customer_search_keys WHERE kind = 'P'");
            if (db != TestDatabase.H2) {
                statement.executeUpdate("UPDATE customers SET search_keys = "
                        + "ARRAY(SELECT k FROM unnest(search_keys) k WHERE k NOT LIKE 'P:%')");
            }
            statement.executeUpdate("UPDATE customers SET readings_indexed = FALSE");
        }
        assertThat(ids(rapport, "xinghe")).isEmpty();
        assertThat(ids(rapport, "xh")).isEmpty();

        rapport.runDueWork();

        assertThat(ids(rapport, "xinghe")).containsExactly(customer.id().value());
        assertThat(ids(rapport, "shxh")).containsExactly(customer.id().value());
        assertThat(ids(rapport, "xh")).containsExactly(customer.id().value());
    }

    private static List<String> ids(Rapport rapport, String query) {
        return rapport.customers().search(Actor.system(), query, PageRequest.first(50)).items().stream()
                .map(Customer::id).map(id -> id.value()).toList();
    }
}
