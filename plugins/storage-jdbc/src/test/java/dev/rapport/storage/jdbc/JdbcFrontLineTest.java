package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.TicketQuery;
import dev.rapport.api.ticket.FrontLine;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.Optional;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static org.assertj.core.api.Assertions.assertThat;

/** TicketStore: which customers a front line serves, by the intake owner and department of their tickets. */
class JdbcFrontLineTest {
    private static final UserId FILER = UserId.of("agent-1");
    private static final UserId COLLEAGUE = UserId.of("agent-2");
    private static final UserId STRANGER = UserId.of("sales-1");
    private static final FrontLine FILERS_DESK = new FrontLine(FILER, Optional.of(DepartmentId.of("customer-service")));
    private static final FrontLine COLLEAGUES_DESK = new FrontLine(COLLEAGUE,
            Optional.of(DepartmentId.of("customer-service")));
    private static final FrontLine STRANGERS_DESK = new FrontLine(STRANGER, Optional.of(DepartmentId.of("sales")));

    @StorageTest
    void aCustomerIsServedByWhoeverFiledATicketForThemAndByTheirDepartment(TestDatabase db) {
        var served = aCustomer().build();
        var other = aCustomer().build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(served);
                tx.customers().insert(other);
                tx.tickets().insert(aTicketOf(served.id()).inDepartment("after-sales")
                        .filedBy(FILER, "customer-service").build());
                tx.tickets().insert(aTicketOf(other.id()).build());
            });

            assertThat(serves(storage, FILERS_DESK, served.id())).isTrue();
            assertThat(serves(storage, COLLEAGUES_DESK, served.id())).isTrue();
            assertThat(serves(storage, new FrontLine(FILER, Optional.empty()), served.id()))
                    .as("without a department, by the own intakes").isTrue();
            assertThat(serves(storage, STRANGERS_DESK, served.id())).isFalse();
            assertThat(serves(storage, FILERS_DESK, other.id()))
                    .as("a ticket from a channel serves no one").isFalse();
        }
    }

    @StorageTest
    void theServedByFilterListsEveryTicketOfTheServedCustomersWhoeverFiledThem(TestDatabase db) {
        var served = aCustomer().build();
        var other = aCustomer().build();
        var filed = aTicketOf(served.id()).inDepartment("after-sales").filedBy(FILER, "customer-service").build();
        var fromChannel = aTicketOf(served.id()).inDepartment("product").build();
        var otherCustomers = aTicketOf(other.id()).filedBy(STRANGER, "sales").build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(served);
                tx.customers().insert(other);
                tx.tickets().insert(filed);
                tx.tickets().insert(fromChannel);
                tx.tickets().insert(otherCustomers);
            });

            var listed = storage.get(tx -> tx.tickets().list(new TicketQuery(
                    TicketFilter.all().withServedBy(COLLEAGUES_DESK), Optional.empty(), Optional.empty(),
                    Optional.empty(), T0, 10)));

            assertThat(listed).containsExactlyInAnyOrder(filed, fromChannel);
            assertThat(storage.get(tx -> tx.tickets().find(filed.id())).orElseThrow().filedBy(FILER)).isTrue();
        }
    }

    private static boolean serves(TestStorage storage, FrontLine frontLine, CustomerId customer) {
        return storage.get(tx -> tx.tickets().serves(frontLine, customer));
    }
}
