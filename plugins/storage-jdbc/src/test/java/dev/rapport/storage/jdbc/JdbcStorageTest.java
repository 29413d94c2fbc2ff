package dev.rapport.storage.jdbc;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.audit.Change;
import dev.rapport.api.event.CustomerCreated;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Counter;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.Map;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcStorageTest {
    @StorageTest
    void workThatThrowsRollsBackEveryWriteAndRethrowsTheSameException(TestDatabase db) {
        var customer = aCustomer().build();
        var failure = new IllegalStateException("boom");
        try (var storage = TestStorage.on(db)) {
            assertThatThrownBy(() -> storage.run(tx -> {
                tx.customers().insert(customer);
                tx.audit().append(new AuditEntry("customer", customer.id().value(), T0, UserId.of("agent-1"),
                        "customer.created", Map.of("name", Change.of(null, customer.name()))));
                tx.outbox().append(new CustomerCreated(customer.id(), customer.code(), T0, UserId.of("agent-1")));
                throw failure;
            })).isSameAs(failure);

            boolean customerExists = storage.get(tx -> tx.customers().exists(customer.id()));
            var audit = storage.get(tx -> tx.audit().of("customer", customer.id().value()));
            var outbox = storage.get(tx -> tx.outbox().undelivered(10));

            assertThat(customerExists).isFalse();
            assertThat(audit).isEmpty();
            assertThat(outbox).isEmpty();
        }
    }

    @StorageTest
    void aFailedStatementNamesItsSqlButNotItsValues(TestDatabase db) {
        var customer = aCustomer().withName("Discreet Holding 4711").build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(customer));
            assertThatThrownBy(() -> storage.run(tx -> tx.customers().insert(customer)))
                    .hasMessageContaining("INSERT INTO customers")
                    .hasMessageNotContaining("Discreet Holding 4711");
        }
    }

    @StorageTest
    void countersStartAtOneAndIncreaseIndependently(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            long firstCode = storage.get(tx -> tx.next(Counter.CUSTOMER_CODE));
            long secondCode = storage.get(tx -> tx.next(Counter.CUSTOMER_CODE));
            long firstNumber = storage.get(tx -> tx.next(Counter.TICKET_NUMBER));

            assertThat(firstCode).isEqualTo(1);
            assertThat(secondCode).isEqualTo(2);
            assertThat(firstNumber).isEqualTo(1);
        }
    }

    @StorageTest
    void counterValuesTakenByARolledBackTransactionAreNotHandedOutAgain(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            assertThatThrownBy(() -> storage.run(tx -> {
                tx.next(Counter.TICKET_NUMBER);
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            long next = storage.get(tx -> tx.next(Counter.TICKET_NUMBER));
            assertThat(next).isEqualTo(2);
        }
    }

    @StorageTest
    void isHealthyUntilClosedAndClosingTwiceIsHarmless(TestDatabase db) {
        var storage = TestStorage.on(db);
        assertThat(storage.storage().isHealthy()).isTrue();

        storage.close();
        storage.close();

        assertThat(storage.storage().isHealthy()).isFalse();
        assertThatThrownBy(() -> storage.get(tx -> tx.users().any()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @StorageTest
    void instantsKeepMicrosecondsAndBothDatabasesRoundFinerDigitsAlike(TestDatabase db) {
        var entry = new AuditEntry("ticket", "ticket-1", T0.plusNanos(500), UserId.of("agent-1"), "ticket.viewed",
                Map.of());
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.audit().append(entry));

            var stored = storage.get(tx -> tx.audit().of("ticket", "ticket-1")).getFirst();

            assertThat(stored.at()).isEqualTo(T0.plusNanos(1_000));
        }
    }
}
