package dev.rapport.api;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.customer.Segment;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.SlaDeadline;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage records' builders cover every component, whatever components a record gains: each has its setter, a
 * fresh builder set through them builds the record, a copy keeps every one, and what a builder does not default is
 * checked as the canonical constructor checks it. Reflection reads the components, so a new one without its setter
 * (or without its copy) fails here rather than in a storage plugin.
 */
class StorageRecordBuildersTest {
    private static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");

    /** One record of each kind with every component set to something other than its builder's default. */
    static Stream<Record> everyComponentSet() {
        return Stream.of(ticket(), customer(), followUp());
    }

    @ParameterizedTest
    @MethodSource("everyComponentSet")
    void everyComponentHasASetterOfItsOwnType(Record full) throws ReflectiveOperationException {
        Class<?> builder = builderOf(full).getClass();
        for (RecordComponent component : full.getClass().getRecordComponents()) {
            Method setter = builder.getMethod(component.getName(), component.getType());
            assertThat(setter.getReturnType()).as(component.getName()).isEqualTo(builder);
        }
    }

    @ParameterizedTest
    @MethodSource("everyComponentSet")
    void aFreshBuilderSetThroughEverySetterBuildsTheSameRecord(Record full) throws ReflectiveOperationException {
        assertThat(buildWithout(full, null)).isEqualTo(full);
    }

    @ParameterizedTest
    @MethodSource("everyComponentSet")
    void aCopyKeepsEveryComponent(Record full) throws ReflectiveOperationException {
        Object copy = switch (full) {
            case Ticket t -> t.toBuilder().build();
            case Customer c -> c.toBuilder().build();
            case FollowUp f -> f.toBuilder().build();
            default -> throw new IllegalArgumentException(full.toString());
        };

        assertThat(copy).isEqualTo(full);
    }

    /**
     * Leaving out one setter either fails as the canonical constructor fails (the component has no default) or builds
     * a record that differs in that component (so the samples above do check its copy).
     */
    @ParameterizedTest
    @MethodSource("everyComponentSet")
    void eachComponentIsRequiredOrDefaultsToSomethingElse(Record full) throws ReflectiveOperationException {
        for (RecordComponent component : full.getClass().getRecordComponents()) {
            Object value = component.getAccessor().invoke(full);
            try {
                Record built = buildWithout(full, component);
                assertThat(component.getAccessor().invoke(built)).as(component.getName()).isNotEqualTo(value);
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).as(component.getName()).isInstanceOf(NullPointerException.class)
                        .hasMessage(component.getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("everyComponentSet")
    void aNewRecordStartsAtVersionOne(Record full) throws ReflectiveOperationException {
        var version = Stream.of(full.getClass().getRecordComponents())
                .filter(c -> c.getName().equals("version")).findFirst().orElseThrow();
        Record built = buildWithout(full, version);

        assertThat(component(built, "version")).isEqualTo(1L);
    }

    @Test
    void whatANewTicketDefaultsToIsWhatAnOpenedTicketStartsWith() {
        var opened = Ticket.builder().id(TicketId.of("t-1")).number("T2026000001").customerId(CustomerId.of("c-1"))
                .type("COMPLAINT").description("The device does not start").priority(Priority.P3)
                .channel(IntakeChannel.PHONE).departmentId(DepartmentId.of("support")).sla(sla())
                .createdBy(UserId.of("agent")).createdAt(AT).updatedAt(AT).build();

        assertThat(opened.status()).isEqualTo(TicketStatus.NEW);
        assertThat(opened.escalation()).isEqualTo(EscalationLevel.FRONT_LINE);
        assertThat(opened.assigneeId()).isEmpty();
        assertThat(opened.tags()).isEmpty();
        assertThat(opened.version()).isEqualTo(1);
    }

    @Test
    void aMissingRequiredComponentFailsAsTheConstructorDoes() {
        var withoutNumber = ticket().toBuilder().number(null);

        assertThatThrownBy(withoutNumber::build).isInstanceOf(NullPointerException.class).hasMessage("number");
        assertThatThrownBy(() -> Customer.builder().build()).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> followUp().toBuilder().dueAt(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("dueAt");
    }

    /** A fresh builder given every component of {@code full} except {@code left} (none when null), built. */
    private static Record buildWithout(Record full, RecordComponent left) throws ReflectiveOperationException {
        Object builder = switch (full) {
            case Ticket t -> Ticket.builder();
            case Customer c -> Customer.builder();
            case FollowUp f -> FollowUp.builder();
            default -> throw new IllegalArgumentException(full.toString());
        };
        for (RecordComponent component : full.getClass().getRecordComponents()) {
            if (left == null || !component.getName().equals(left.getName())) {
                builder.getClass().getMethod(component.getName(), component.getType())
                        .invoke(builder, component.getAccessor().invoke(full));
            }
        }
        return (Record) builder.getClass().getMethod("build").invoke(builder);
    }

    private static Object builderOf(Record full) {
        return switch (full) {
            case Ticket t -> t.toBuilder();
            case Customer c -> c.toBuilder();
            case FollowUp f -> f.toBuilder();
            default -> throw new IllegalArgumentException(full.toString());
        };
    }

    private static Object component(Record record, String name) throws ReflectiveOperationException {
        return record.getClass().getMethod(name).invoke(record);
    }

    private static Ticket ticket() {
        var agent = UserId.of("agent");
        return Ticket.builder().id(TicketId.of("t-1")).number("T2026000001").customerId(CustomerId.of("c-1"))
                .contactId(Optional.of(ContactId.of("k-1"))).type("COMPLAINT").title(Optional.of("Broken"))
                .description("The device does not start").priority(Priority.P1).urgent(true).important(true)
                .channel(IntakeChannel.EMAIL).status(TicketStatus.CLOSED).departmentId(DepartmentId.of("experts"))
                .assigneeId(Optional.of(UserId.of("expert"))).escalation(EscalationLevel.EXPERTS)
                .ownerId(Optional.of(UserId.of("expert"))).sla(sla()).relatedTicketIds(List.of(TicketId.of("t-0")))
                .tags(List.of("invoice")).resolution(Optional.of(new Resolution("Replaced the power supply",
                        CommunicationMethod.PHONE, UserId.of("expert"), AT.plusSeconds(7200))))
                .createdBy(agent).intakeOwner(Optional.of(new IntakeOwner(agent, Optional.of(DepartmentId.of("d")))))
                .createdAt(AT).updatedAt(AT.plusSeconds(9000)).firstRespondedAt(Optional.of(AT.plusSeconds(600)))
                .closedAt(Optional.of(AT.plusSeconds(9000))).version(7).build();
    }

    private static Customer customer() {
        var contact = new Contact(ContactId.of("k-1"), "Zhang Wei", Optional.of("Purchasing lead"),
                Optional.of("13812345678"), Optional.of("zhang@example.com"));
        return Customer.builder().id(CustomerId.of("c-1")).code("C2026000001").kind(CustomerKind.PERSON)
                .name("Zhang Wei").industry("Retail").cooperationSince(Optional.of(LocalDate.of(2019, 2, 28)))
                .source(Optional.of(CustomerSource.REFERRAL)).segment(Segment.HIGH_VALUE)
                .maintenanceLevel(MaintenanceLevel.HIGH).keyAccount(true)
                .accountManagerId(Optional.of(UserId.of("manager"))).tags(List.of("price", "交期"))
                .contractEnd(Optional.of(LocalDate.of(2027, 12, 31))).firstContactAt(Optional.of(AT.minusSeconds(60)))
                .firstContactChannel(Optional.of(IntakeChannel.PHONE)).contacts(List.of(contact))
                .mergedInto(Optional.of(CustomerId.of("c-0"))).needsCompletion(true).createdAt(AT)
                .updatedAt(AT.plusSeconds(60)).version(3).build();
    }

    private static FollowUp followUp() {
        return FollowUp.builder().id(FollowUpId.of("f-1")).kind(FollowUpKind.RENEWAL).customerId(CustomerId.of("c-1"))
                .ticketId(Optional.of(TicketId.of("t-1"))).ownerId(UserId.of("manager"))
                .departmentId(Optional.of(DepartmentId.of("sales"))).purpose("Prepare the renewal")
                .contractEnd(Optional.of(LocalDate.of(2027, 12, 31))).dueAt(AT).overdueAt(AT.plusSeconds(86_400))
                .state(FollowUpState.DONE).dueAnnouncedAt(Optional.of(AT)).outcome(Optional.of("Renewing"))
                .note(Optional.of("Wants a discount")).skipReason(Optional.of("Was unreachable first"))
                .interactionId(Optional.of(InteractionId.of("i-1"))).createdAt(AT.minusSeconds(86_400))
                .finishedAt(Optional.of(AT.plusSeconds(60))).finishedBy(Optional.of(UserId.of("manager")))
                .version(4).build();
    }

    private static TicketSla sla() {
        var deadlines = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
        for (SlaTarget target : SlaTarget.values()) {
            deadlines.put(target, SlaDeadline.of(AT.plusSeconds(3000), AT.plusSeconds(3600)));
        }
        return new TicketSla("24x7", Duration.ofHours(24), deadlines, EnumSet.of(SlaTarget.RESOLUTION),
                Optional.empty(), List.of(), List.of());
    }
}
