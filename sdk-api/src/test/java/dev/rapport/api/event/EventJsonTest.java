package dev.rapport.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.Money;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.PurchaseId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.TicketId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What EventJson writes, a real JSON parser (Jackson) reads back as it was. */
class EventJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");
    private static final UserId AGENT = new UserId("u-agent-li");

    @Property(tries = 300)
    void listsMapsNumbersAndAnyTextRoundTrip(@ForAll("values") Object value) throws Exception {
        assertThat(JACKSON.readValue(EventJson.value(value), Object.class)).isEqualTo(value);
    }

    @Property(tries = 300)
    void anyTextIsOneJsonStringWithoutRawControlCharacters(@ForAll String text) throws Exception {
        String json = EventJson.value(text);

        assertThat(JACKSON.readValue(json, String.class)).isEqualTo(text);
        assertThat(json.chars().filter(c -> c < 0x20 || c == 0x2028 || c == 0x2029)).isEmpty();
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(this::leaves, this::containers, 0, 4);
    }

    private Arbitrary<Object> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(Object.class::cast),
                Arbitraries.of("李娜", "\"quoted\" \\ back", "line\nbreak\ttab", "😀 emoji", "\u2028\u0000\u007f")
                        .map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
    }

    private Arbitrary<Object> containers(Arbitrary<Object> inner) {
        return Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(Object.class::cast),
                Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6), inner).ofMaxSize(4)
                        .map(Object.class::cast));
    }

    @Example
    void theEnvelopeCarriesVersionIdTypeTimeSubjectTicketCustomerActorAndPayload() throws Exception {
        var created = new TicketCreated(new TicketId("t-0001"), "T202603020001", new CustomerId("c-0042"), "COMPLAINT",
                Priority.P1, new DepartmentId("d-support"), AT, AGENT);

        JsonNode envelope = JACKSON.readTree(EventJson.envelope("n-0001", created));

        assertThat(envelope.get("version").asInt()).isEqualTo(EventJson.VERSION);
        assertThat(envelope.get("id").asText()).isEqualTo("n-0001");
        assertThat(envelope.get("type").asText()).isEqualTo("TicketCreated");
        assertThat(envelope.get("occurredAt").asText()).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(envelope.get("subjectId").asText()).isEqualTo("t-0001");
        assertThat(envelope.get("ticketId").asText()).isEqualTo("t-0001");
        assertThat(envelope.get("customerId").asText()).isEqualTo("c-0042");
        assertThat(envelope.get("actorId").asText()).isEqualTo("u-agent-li");
        assertThat(envelope.get("payload")).isEqualTo(JACKSON.readTree(EventJson.payload(created)));
        assertThat(envelope.get("payload").get("priority").asText()).isEqualTo("P1");
    }

    @Example
    void aListStaysAListAndAnEventWithoutTicketOrCustomerHasThemNull() throws Exception {
        var tags = new TicketTagsChanged(new TicketId("t-0001"), List.of("delivery", "price"), AT, AGENT);
        var merged = new CustomersMerged(new CustomerId("c-1"), new CustomerId("c-2"), 3, 1, 0, 2, AT, AGENT);

        assertThat(JACKSON.readTree(EventJson.envelope("n-1", tags)).get("payload").get("tags").isArray()).isTrue();
        JsonNode envelope = JACKSON.readTree(EventJson.envelope("n-2", merged));
        assertThat(envelope.get("ticketId").isNull()).isTrue();
        assertThat(envelope.get("customerId").isNull()).isTrue();
    }

    @Example
    void moneyIsAnObjectDatesAreIsoAndAnEmptyOptionalIsNull() throws Exception {
        var purchase = new PurchaseRecorded(new PurchaseId("p-1"), new CustomerId("c-1"), LocalDate.of(2026, 3, 2),
                Money.of("1200.50", "CNY"), Money.of("5000", "CNY"), AT, AGENT);
        var assigned = new TicketAssigned(new TicketId("t-1"), new DepartmentId("d-1"), Optional.empty(), AT, AGENT);

        JsonNode payload = JACKSON.readTree(EventJson.payload(purchase));
        assertThat(payload.get("date").asText()).isEqualTo("2026-03-02");
        assertThat(payload.get("amount").get("amount").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(payload.get("amount").get("currency").asText()).isEqualTo("CNY");
        assertThat(JACKSON.readTree(EventJson.payload(assigned)).get("assigneeId").isNull()).isTrue();
    }

    @Example
    void aMapKeyIsEscapedLikeAnyString() throws Exception {
        assertThat(JACKSON.readValue(EventJson.value(Map.of("a\"b\n", 1)), Object.class))
                .isEqualTo(Map.of("a\"b\n", 1));
    }
}
