package dev.rapport.server.http;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.customer.Segment;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records the API sends, built from {@code random}: every optional present or absent, awkward text, ids, instants of
 * every precision and era, dates before year one and after 9999.
 */
record RandomRecords(Random random) {

    private static final List<String> AWKWARD = List.of("", " ", "发票金额不符", "quote \" and \\ backslash",
            "line\nbreak\ttab\u0000nul\u001f", "emoji 😀 surrogate", "</script><b>", "\u2028\u2029", "ÿ€",
            "42", "null");

Ticket ticket() {
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

    Customer customer() {
        return Customer.builder().id(CustomerId.of(id())).code(text()).kind(pick(CustomerKind.values()))
                .name(text()).industry(text()).cooperationSince(maybe(this::date))
                .source(maybe(() -> pick(CustomerSource.values()))).segment(pick(Segment.values()))
                .maintenanceLevel(pick(MaintenanceLevel.values())).keyAccount(random.nextBoolean())
                .accountManagerId(maybe(() -> UserId.of(id()))).tags(list(this::text)).contractEnd(maybe(this::date))
                .firstContactAt(maybe(this::instant)).firstContactChannel(maybe(() -> pick(IntakeChannel.values())))
                .contacts(list(() -> new Contact(ContactId.of(id()), text(), maybe(this::text), maybe(this::text),
                        maybe(this::text))))
                .mergedInto(maybe(() -> CustomerId.of(id()))).needsCompletion(random.nextBoolean())
                .createdAt(instant()).updatedAt(instant()).version(random.nextLong(Long.MAX_VALUE)).build();
    }

    private LocalDate date() {
        return random.nextInt(4) == 0 ? LocalDate.ofEpochDay(random.nextLong(-1_000_000, 3_000_000))
                : LocalDate.ofEpochDay(random.nextInt(30_000));
    }

    private String id() {
        return random.nextInt(4) == 0 ? pick(AWKWARD.toArray(String[]::new)) + "x" : new UUID(
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
