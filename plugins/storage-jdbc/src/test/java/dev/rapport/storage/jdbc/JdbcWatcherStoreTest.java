package dev.rapport.storage.jdbc;

import dev.rapport.api.security.UserId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcWatcherStoreTest {
    private static final UserId MANAGER = UserId.of("manager-1");
    private static final UserId SUPERVISOR = UserId.of("supervisor-1");

    @StorageTest
    void watchersComeBackInTheOrderAddedAndAddingTwiceKeepsOne(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
                tx.watchers().add(ticket.id(), SUPERVISOR, minutesAfterT0(5));
                tx.watchers().add(ticket.id(), MANAGER, minutesAfterT0(1));
            });
            storage.run(tx -> tx.watchers().add(ticket.id(), MANAGER, minutesAfterT0(9)));

            var watchers = storage.get(tx -> tx.watchers().of(ticket.id()));

            assertThat(watchers).containsExactly(MANAGER, SUPERVISOR);
        }
    }

    @StorageTest
    void onlyAWatcherWatchesAndOnlyTheirTicket(TestDatabase db) {
        var customer = aCustomer().build();
        var watched = aTicketOf(customer.id()).build();
        var other = aTicketOf(customer.id()).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(watched);
                tx.tickets().insert(other);
                tx.watchers().add(watched.id(), MANAGER, minutesAfterT0(1));
            });

            boolean managerWatches = storage.get(tx -> tx.watchers().watches(watched.id(), MANAGER));
            boolean supervisorWatches = storage.get(tx -> tx.watchers().watches(watched.id(), SUPERVISOR));
            boolean managerWatchesOther = storage.get(tx -> tx.watchers().watches(other.id(), MANAGER));
            var watchersOfOther = storage.get(tx -> tx.watchers().of(other.id()));

            assertThat(managerWatches).isTrue();
            assertThat(supervisorWatches).isFalse();
            assertThat(managerWatchesOther).isFalse();
            assertThat(watchersOfOther).isEmpty();
        }
    }
}
