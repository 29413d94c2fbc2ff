package example.storage;

import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaDeadline;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storage plugin's view of a ticket, outside the SDK's packages: a document store keeps a ticket as named fields
 * and reads it back through {@link Ticket#builder()}, naming each component it stores. A mapping that does not know
 * a component (one added after the plugin was written) still compiles and reads its tickets, with that component at
 * the builder's default.
 */
class DocumentRowsTest {
    private static final Instant OPENED = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void aTicketReadBackThroughTheBuilderIsTheTicketStored() {
        var stored = ticketOf(Optional.of(UserId.of("agent-7")));

        var row = rowOf(stored);

        assertThat(ticketFrom(row)).isEqualTo(stored);
    }

    @Test
    void aMappingThatDoesNotKnowAComponentStillReadsItsTickets() {
        var stored = ticketOf(Optional.empty());
        var row = rowOf(stored);

        // As a plugin written before tickets had tags, related tickets and intake owners would map its rows.
        var read = Ticket.builder().id(TicketId.of((String) row.get("id"))).number((String) row.get("number"))
                .customerId(CustomerId.of((String) row.get("customerId"))).type((String) row.get("type"))
                .description((String) row.get("description")).priority(Priority.valueOf((String) row.get("priority")))
                .channel(IntakeChannel.valueOf((String) row.get("channel")))
                .status(TicketStatus.valueOf((String) row.get("status")))
                .departmentId(DepartmentId.of((String) row.get("departmentId"))).sla((TicketSla) row.get("sla"))
                .createdBy(UserId.of((String) row.get("createdBy"))).createdAt((Instant) row.get("createdAt"))
                .updatedAt((Instant) row.get("updatedAt")).version((Long) row.get("version")).build();

        assertThat(read.number()).isEqualTo(stored.number());
        assertThat(read.tags()).isEmpty();
        assertThat(read.relatedTicketIds()).isEmpty();
        assertThat(read.intakeOwner()).isEmpty();
        assertThat(read.escalation()).isEqualTo(EscalationLevel.FRONT_LINE);
    }

    private static Ticket ticketFrom(Map<String, Object> row) {
        return Ticket.builder()
                .id(TicketId.of((String) row.get("id")))
                .number((String) row.get("number"))
                .customerId(CustomerId.of((String) row.get("customerId")))
                .contactId(optional(row, "contactId").map(ContactId::of))
                .type((String) row.get("type"))
                .title(optional(row, "title"))
                .description((String) row.get("description"))
                .priority(Priority.valueOf((String) row.get("priority")))
                .urgent((Boolean) row.get("urgent"))
                .important((Boolean) row.get("important"))
                .channel(IntakeChannel.valueOf((String) row.get("channel")))
                .status(TicketStatus.valueOf((String) row.get("status")))
                .departmentId(DepartmentId.of((String) row.get("departmentId")))
                .assigneeId(optional(row, "assigneeId").map(UserId::of))
                .escalation(EscalationLevel.valueOf((String) row.get("escalation")))
                .sla((TicketSla) row.get("sla"))
                .tags(strings(row, "tags"))
                .createdBy(UserId.of((String) row.get("createdBy")))
                .createdAt((Instant) row.get("createdAt"))
                .updatedAt((Instant) row.get("updatedAt"))
                .version((Long) row.get("version"))
                .build();
    }

    private static Map<String, Object> rowOf(Ticket t) {
        var row = new HashMap<String, Object>();
        row.put("id", t.id().value());
        row.put("number", t.number());
        row.put("customerId", t.customerId().value());
        row.put("contactId", t.contactId().map(ContactId::value).orElse(null));
        row.put("type", t.type());
        row.put("title", t.title().orElse(null));
        row.put("description", t.description());
        row.put("priority", t.priority().name());
        row.put("urgent", t.urgent());
        row.put("important", t.important());
        row.put("channel", t.channel().name());
        row.put("status", t.status().name());
        row.put("departmentId", t.departmentId().value());
        row.put("assigneeId", t.assigneeId().map(UserId::value).orElse(null));
        row.put("escalation", t.escalation().name());
        row.put("sla", t.sla());
        row.put("tags", t.tags());
        row.put("createdBy", t.createdBy().value());
        row.put("createdAt", t.createdAt());
        row.put("updatedAt", t.updatedAt());
        row.put("version", t.version());
        return row;
    }

    /** A ticket with the components this document store keeps. */
    private static Ticket ticketOf(Optional<UserId> assignee) {
        var deadlines = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
        for (SlaTarget target : SlaTarget.values()) {
            deadlines.put(target, SlaDeadline.of(OPENED.plusSeconds(3000), OPENED.plusSeconds(3600)));
        }
        var sla = new TicketSla("24x7", Duration.ofHours(24), deadlines, EnumSet.allOf(SlaTarget.class),
                Optional.empty(), List.of(), List.of());
        return Ticket.builder().id(TicketId.of("t-1")).number("T2026000001").customerId(CustomerId.of("c-1"))
                .contactId(Optional.of(ContactId.of("k-1"))).type("COMPLAINT").title(Optional.of("发票金额不符"))
                .description("The invoice amount does not match").priority(Priority.P2).important(true)
                .channel(IntakeChannel.EMAIL).status(assignee.isPresent() ? TicketStatus.ASSIGNED : TicketStatus.NEW)
                .departmentId(DepartmentId.of("support")).assigneeId(assignee).sla(sla).tags(List.of("invoice"))
                .createdBy(UserId.of("agent-1")).createdAt(OPENED).updatedAt(OPENED.plusSeconds(60)).version(2)
                .build();
    }

    private static Optional<String> optional(Map<String, Object> row, String field) {
        return Optional.ofNullable((String) row.get(field));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> row, String field) {
        return (List<String>) row.get(field);
    }
}
