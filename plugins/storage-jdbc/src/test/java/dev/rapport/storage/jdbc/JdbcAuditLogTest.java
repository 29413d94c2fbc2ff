package dev.rapport.storage.jdbc;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.audit.Change;
import dev.rapport.api.security.UserId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcAuditLogTest {
    private static final UserId ACTOR = UserId.of("agent-1");

    @StorageTest
    void entriesOfASubjectComeBackInAppendOrderWithTheirChangesInRecordedOrder(TestDatabase db) {
        var changes = new LinkedHashMap<String, Change>();
        changes.put("status", Change.of("NEW", "ASSIGNED"));
        changes.put("assigneeId", new Change(Optional.empty(), Optional.of("expert-1")));
        changes.put("title", new Change(Optional.of("Printer"), Optional.empty()));
        changes.put("description", Change.of("a \"quoted\" line\nand 中文", "b"));
        changes.put("aField", Change.of(1, 2));
        var opened = new AuditEntry("ticket", "ticket-1", T0, ACTOR, "ticket.opened",
                Map.of("status", Change.of(null, "NEW")));
        var assigned = new AuditEntry("ticket", "ticket-1", minutesAfterT0(5), ACTOR, "ticket.assigned", changes);
        var otherTicket = new AuditEntry("ticket", "ticket-2", T0, ACTOR, "ticket.opened", Map.of());
        var sameIdOtherType = new AuditEntry("customer", "ticket-1", T0, ACTOR, "customer.created", Map.of());
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.audit().append(opened);
                tx.audit().append(otherTicket);
                tx.audit().append(sameIdOtherType);
                tx.audit().append(assigned);
            });

            var trail = storage.get(tx -> tx.audit().of("ticket", "ticket-1"));

            assertThat(trail).containsExactly(opened, assigned);
            assertThat(trail.get(1).changes().keySet())
                    .containsExactly("status", "assigneeId", "title", "description", "aField");
        }
    }
}
