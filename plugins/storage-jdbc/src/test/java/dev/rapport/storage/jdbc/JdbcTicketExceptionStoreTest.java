package dev.rapport.storage.jdbc;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.TicketException;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcTicketExceptionStoreTest {
    private static final UserId AGENT = UserId.of("agent-1");

    @StorageTest
    void exceptionsComeBackOldestFirstWithOrWithoutANewEta(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        var blocked = new TicketException(ExceptionKind.EXTERNAL_BLOCKER, "Carrier lost the spare part",
                "Told Li Lei the part ships again tomorrow", Optional.of(minutesAfterT0(3_000)), AGENT,
                minutesAfterT0(10));
        var changed = new TicketException(ExceptionKind.REQUIREMENT_CHANGE, "Wants CSV export too – 还要 CSV",
                "Agreed by phone", Optional.empty(), AGENT, minutesAfterT0(20));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
                tx.ticketExceptions().add(ticket.id(), blocked);
                tx.ticketExceptions().add(ticket.id(), changed);
            });

            var exceptions = storage.get(tx -> tx.ticketExceptions().of(ticket.id()));

            assertThat(exceptions).containsExactly(blocked, changed);
        }
    }

    @StorageTest
    void exceptionsOfAKindAreFoundAcrossTicketsByTicket(TestDatabase db) {
        var customer = aCustomer().build();
        var first = aTicketOf(customer.id()).build();
        var second = aTicketOf(customer.id()).build();
        var quiet = aTicketOf(customer.id()).build();
        var firstChange = change("Scope grew", 10);
        var secondChange = change("Scope shrank", 20);
        var laterChange = change("Scope grew again", 30);
        var conflict = new TicketException(ExceptionKind.RESOURCE_CONFLICT, "Engineer on another site", "Told",
                Optional.empty(), AGENT, minutesAfterT0(15));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                List.of(first, second, quiet).forEach(tx.tickets()::insert);
                tx.ticketExceptions().add(first.id(), firstChange);
                tx.ticketExceptions().add(first.id(), conflict);
                tx.ticketExceptions().add(second.id(), secondChange);
                tx.ticketExceptions().add(first.id(), laterChange);
            });

            var found = storage.get(tx -> tx.ticketExceptions().of(
                    List.of(first.id(), second.id(), quiet.id(), TicketId.of("no-such-ticket")),
                    ExceptionKind.REQUIREMENT_CHANGE));
            var none = storage.get(tx -> tx.ticketExceptions().of(List.of(), ExceptionKind.REQUIREMENT_CHANGE));

            assertThat(found).isEqualTo(Map.of(first.id(), List.of(firstChange, laterChange),
                    second.id(), List.of(secondChange)));
            assertThat(none).isEmpty();
        }
    }

    private static TicketException change(String description, long minutes) {
        return new TicketException(ExceptionKind.REQUIREMENT_CHANGE, description, "Confirmed by e-mail",
                Optional.empty(), AGENT, minutesAfterT0(minutes));
    }
}
