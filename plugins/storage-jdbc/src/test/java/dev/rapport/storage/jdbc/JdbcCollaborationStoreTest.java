package dev.rapport.storage.jdbc;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.CollaborationId;
import dev.rapport.api.ticket.CollaborationRequest;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.Fixtures.newId;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcCollaborationStoreTest {
    private static final UserId AGENT = UserId.of("agent-1");

    @StorageTest
    void aTicketsRequestsComeBackOldestFirstAndOnlyItsOwn(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        var other = aTicketOf(customer.id()).build();
        var later = request("technical-support", "Please check the firmware logs", 20);
        var earlier = request("product", "Is the CSV export planned? 计划中吗？", 10);
        var elsewhere = request("sales", "Offer a discount", 5);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
                tx.tickets().insert(other);
                tx.collaborations().add(ticket.id(), later);
                tx.collaborations().add(ticket.id(), earlier);
                tx.collaborations().add(other.id(), elsewhere);
            });

            var requests = storage.get(tx -> tx.collaborations().of(ticket.id()));

            assertThat(requests).containsExactly(earlier, later);
        }
    }

    private static CollaborationRequest request(String department, String text, long minutes) {
        return new CollaborationRequest(CollaborationId.of(newId()), DepartmentId.of(department), text, AGENT,
                minutesAfterT0(minutes));
    }
}
