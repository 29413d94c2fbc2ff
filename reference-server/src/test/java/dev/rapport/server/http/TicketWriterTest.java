package dev.rapport.server.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.ticket.Ticket;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written ticket JSON is, byte for byte, what Jackson's record mapping writes, wherever a ticket appears. */
class TicketWriterTest {
    private final ObjectMapper written = Json.mapper();
    private final ObjectMapper mapped = Json.recordMapper();

    @Property(tries = 400)
    void aTicketIsWrittenAsTheRecordMappingWritesIt(@ForAll("tickets") Ticket ticket) throws Exception {
        assertThat(written.writeValueAsString(ticket)).isEqualTo(mapped.writeValueAsString(ticket));
    }

    @Property(tries = 100)
    void aPageOfTicketsIsWrittenAsTheRecordMappingWritesIt(@ForAll("tickets") Ticket first,
                                                           @ForAll("tickets") Ticket second) throws Exception {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", List.of(first, second));
        page.put("nextCursor", null);
        assertThat(written.writeValueAsString(page)).isEqualTo(mapped.writeValueAsString(page));
    }

    @Property(tries = 100)
    void aTicketUnwrappedBesideOtherFieldsIsWrittenAsTheRecordMappingWritesIt(@ForAll("tickets") Ticket ticket)
            throws Exception {
        var details = new Details(ticket, List.of("a note"));
        assertThat(written.writeValueAsString(details)).isEqualTo(mapped.writeValueAsString(details));
        var prefixed = new Prefixed(ticket, 7);
        assertThat(written.writeValueAsString(prefixed)).isEqualTo(mapped.writeValueAsString(prefixed))
                .contains("\"ticket_number\":");
    }

    @Example
    void theWriterIsTheOneTheServerUses() throws Exception {
        var ticket = new RandomRecords(new Random(1)).ticket();
        assertThat(written.getSerializerProviderInstance().findValueSerializer(Ticket.class))
                .isInstanceOf(TicketWriter.class);
        assertThat(mapped.getSerializerProviderInstance().findValueSerializer(Ticket.class))
                .isNotInstanceOf(TicketWriter.class);
        assertThat(written.writeValueAsString(ticket)).startsWith("{\"id\":\"" + ticket.id().value() + "\"");
    }

    @Provide
    Arbitrary<Ticket> tickets() {
        return Arbitraries.randomValue(random -> new RandomRecords(random).ticket());
    }

    record Details(@JsonUnwrapped Ticket ticket, List<String> notes) {
    }

    record Prefixed(@JsonUnwrapped(prefix = "ticket_") Ticket ticket, int rank) {
    }
}
