package dev.rapport.server.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaDeadline;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

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
        var ticket = new Tickets(new Random(1)).next();
        assertThat(written.getSerializerProviderInstance().findValueSerializer(Ticket.class))
                .isInstanceOf(TicketWriter.class);
        assertThat(mapped.getSerializerProviderInstance().findValueSerializer(Ticket.class))
                .isNotInstanceOf(TicketWriter.class);
        assertThat(written.writeValueAsString(ticket)).startsWith("{\"id\":\"" + ticket.id().value() + "\"");
    }

    @Provide
    Arbitrary<Ticket> tickets() {
        return Arbitraries.randomValue(random -> new Tickets(random).next());
    }

    record Details(@JsonUnwrapped Ticket ticket, List<String> notes) {
    }

    record Prefixed(@JsonUnwrapped(prefix = "ticket_") Ticket ticket, int rank) {
    }

    /** Tickets with every optional present or absent, awkward text, and instants of every precision and era. */
    private record Tickets(Random random) {
        private static final List<String> AWKWARD = List.of("", " ", "发票金额不符", "quote \" and \\ backslash",
                "line\nbreak\ttab\u0000nul\u001f", "emoji 😀 surrogate", "</script><b>", "\u2028\u2029", "ÿ€",
                "42", "null");

        Ticket next() {
            var deadlines = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
            for (var target : SlaTarget.values()) {
                var warnAt = instant();
                var raised = EnumSet.noneOf(SlaAlarm.class);
                for (var alarm : SlaAlarm.values()) {
                    if (random.nextBoolean()) {
                        raised.add(alarm);
                    }
                }
                deadlines.put(target, new SlaDeadline(warnAt, warnAt.plusSeconds(random.nextInt(100_000)), raised));
            }
            var sla = new TicketSla(text(), Duration.ofSeconds(random.nextInt(1_000_000), random.nextInt(3) * 1_000),
                    deadlines, EnumSet.copyOf(some(SlaTarget.values(), SlaTarget.FIRST_RESPONSE)),
                    maybe(this::instant), some(SlaTarget.values(), null), some(SlaTarget.values(), null));
            return Ticket.builder().id(TicketId.of(id())).number(text()).customerId(CustomerId.of(id()))
                    .contactId(maybe(() -> ContactId.of(id()))).type(text()).title(maybe(this::text))
                    .description(text()).priority(pick(Priority.values())).urgent(random.nextBoolean())
                    .important(random.nextBoolean()).channel(pick(IntakeChannel.values()))
                    .status(pick(TicketStatus.values())).departmentId(DepartmentId.of(id()))
                    .assigneeId(maybe(() -> UserId.of(id()))).escalation(pick(EscalationLevel.values()))
                    .ownerId(maybe(() -> UserId.of(id()))).sla(sla)
                    .relatedTicketIds(list(() -> TicketId.of(id()))).tags(list(this::text))
                    .resolution(maybe(() -> new Resolution(text(), pick(CommunicationMethod.values()),
                            UserId.of(id()), instant())))
                    .createdBy(UserId.of(id()))
                    .intakeOwner(maybe(() -> new IntakeOwner(UserId.of(id()), maybe(() -> DepartmentId.of(id())))))
                    .createdAt(instant()).updatedAt(instant()).firstRespondedAt(maybe(this::instant))
                    .closedAt(maybe(this::instant)).version(random.nextLong(Long.MAX_VALUE)).build();
        }

        private String id() {
            return random.nextInt(4) == 0 ? pick(AWKWARD.toArray(String[]::new)) + "x" : new java.util.UUID(
                    random.nextLong(), random.nextLong()).toString();
        }

        private String text() {
            if (random.nextBoolean()) {
                return pick(AWKWARD.toArray(String[]::new));
            }
            var text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x10FFFF + 1) : random.nextInt(128));
            }
            // Lone surrogates are not text a ticket can hold: Jackson refuses them either way.
            return text.toString().codePoints().filter(c -> !Character.isSurrogate((char) c) || c > 0xFFFF)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }

        private Instant instant() {
            return switch (random.nextInt(4)) {
                case 0 -> Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 300_000_000_000L));
                case 1 -> Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000));
                case 2 -> Instant.ofEpochMilli(1_700_000_000_000L + random.nextLong(100_000_000_000L));
                default -> Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000),
                        random.nextInt(1_000_000_000));
            };
        }

        private <T> Optional<T> maybe(Supplier<T> value) {
            return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
        }

        private <T> List<T> list(Supplier<T> value) {
            var values = new ArrayList<T>();
            for (int i = random.nextInt(4); i > 0; i--) {
                values.add(value.get());
            }
            return values;
        }

        private <T> List<T> some(T[] values, T always) {
            var chosen = new ArrayList<T>();
            for (var value : values) {
                if (value == always || random.nextBoolean()) {
                    chosen.add(value);
                }
            }
            return chosen;
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
