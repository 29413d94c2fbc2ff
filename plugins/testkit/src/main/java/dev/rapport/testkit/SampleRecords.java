package dev.rapport.testkit;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.audit.Change;
import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.customer.Segment;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.Correspondent;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaDeadline;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketMessage;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Customers, tickets and audit entries as the SDK stores them, built from sdk-api types alone, for the storage
 * contract and a storage plugin's own tests. Every call makes a new record: a new id, customer code or ticket number.
 * Times fall on the morning of {@link TestPluginContext#START} in whole seconds, which every database keeps exactly;
 * free text is Chinese and English with characters that need escaping.
 *
 * <pre>{@code
 * var customer = SampleRecords.customer();
 * var ticket = SampleRecords.ticketOf(customer);
 * storage.inTransaction(tx -> { tx.customers().insert(customer); tx.tickets().insert(ticket); return null; });
 * }</pre>
 */
public final class SampleRecords {
    /** The agent who opens the sample tickets and writes the audit entries. */
    public static final UserId AGENT = SampleNotifications.AGENT.id();
    /** The department that owns the sample tickets. */
    public static final DepartmentId SUPPORT = DepartmentId.of("d-support");
    /** How long before each deadline of a sample ticket its warning falls. */
    public static final Duration WARNING_LEAD = Duration.ofMinutes(24);

    /** Starts at a random point so that records of two test runs on one database do not collide either. */
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));

    private SampleRecords() {
    }

    /**
     * An organisation with one contact who has a phone and an e-mail address, and a few optional fields set; flagged
     * for completion (as a channel's unknown sender is), so a round trip checks that flag too; version 1, created and
     * last changed at {@link TestPluginContext#START}.
     */
    public static Customer customer() {
        var contact = new Contact(ContactId.of(newId()), "刘洋", Optional.of("采购经理 \"Purchasing\""),
                Optional.of("13911112222"), Optional.of("liu.yang@xinghe.example"));
        return Customer.builder().id(CustomerId.of(newId())).code("C%012d".formatted(SEQUENCE.incrementAndGet()))
                .kind(CustomerKind.ORGANIZATION).name("上海星河贸易有限公司 Xinghe Trading").industry("Retail")
                .cooperationSince(Optional.of(LocalDate.of(2021, 4, 1))).source(Optional.of(CustomerSource.REFERRAL))
                .segment(Segment.RETURNING).maintenanceLevel(MaintenanceLevel.MEDIUM).tags(List.of("price", "交期"))
                .firstContactAt(Optional.of(TestPluginContext.START.minus(Duration.ofDays(30))))
                .firstContactChannel(Optional.of(IntakeChannel.PHONE)).contacts(List.of(contact)).needsCompletion(true)
                .createdAt(TestPluginContext.START).updatedAt(TestPluginContext.START).version(1).build();
    }

    /** A NEW ticket of {@code customer} whose first response is due two hours after {@link TestPluginContext#START}. */
    public static Ticket ticketOf(Customer customer) {
        return ticketOf(customer, TestPluginContext.START.plus(Duration.ofHours(2)));
    }

    /**
     * A NEW P2 ticket of {@code customer}, tagged {@code invoice} and a Chinese tag with quotes, from its first
     * contact, waiting in {@link #SUPPORT}'s queue, version 1,
     * opened at {@link TestPluginContext#START} by {@link #AGENT}. Its first response (and so the customer update) is
     * due at {@code firstResponseDue}, its resolution two days after opening; each warning falls
     * {@link #WARNING_LEAD} before its deadline, so the ticket's next alarm is the first-response warning. No alarm is
     * raised yet, and the lists computed on read ({@code breached}, {@code atRisk}) are empty, as storage returns
     * them.
     */
    public static Ticket ticketOf(Customer customer, Instant firstResponseDue) {
        Instant opened = TestPluginContext.START;
        var deadlines = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
        deadlines.put(SlaTarget.FIRST_RESPONSE, deadline(firstResponseDue));
        deadlines.put(SlaTarget.CUSTOMER_UPDATE, deadline(firstResponseDue));
        deadlines.put(SlaTarget.RESOLUTION, deadline(opened.plus(Duration.ofDays(2))));
        var sla = new TicketSla("24x7", Duration.ofHours(24), deadlines,
                EnumSet.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION), Optional.empty(), List.of(), List.of());
        return Ticket.builder().id(TicketId.of(newId())).number("T%012d".formatted(SEQUENCE.incrementAndGet()))
                .customerId(customer.id()).contactId(customer.contacts().stream().findFirst().map(Contact::id))
                .type("COMPLAINT").title(Optional.of("发票金额不符 – invoice amount does not match"))
                .description(SampleNotifications.AWKWARD_TEXT).priority(Priority.P2).urgent(false).important(true)
                .channel(IntakeChannel.PHONE).status(TicketStatus.NEW).departmentId(SUPPORT)
                .escalation(EscalationLevel.FRONT_LINE).sla(sla).tags(List.of("invoice", "发票 \"VAT\""))
                .createdBy(AGENT).intakeOwner(Optional.of(new IntakeOwner(AGENT, Optional.of(SUPPORT))))
                .createdAt(opened).updatedAt(opened).version(1).build();
    }

    /**
     * {@code ticket} after the SLA engine raised the warning of its first response at {@code at}: the next version,
     * whose next alarm is the breach at the deadline.
     */
    public static Ticket warned(Ticket ticket, Instant at) {
        var deadline = ticket.sla().deadline(SlaTarget.FIRST_RESPONSE).raise(SlaAlarm.WARNING);
        return ticket.toBuilder().sla(ticket.sla().with(SlaTarget.FIRST_RESPONSE, deadline)).updatedAt(at)
                .version(ticket.version() + 1).build();
    }

    /** {@code ticket} assigned to {@code assignee} at {@code at}: the next version. */
    public static Ticket assigned(Ticket ticket, UserId assignee, Instant at) {
        return ticket.toBuilder().status(TicketStatus.ASSIGNED).assigneeId(Optional.of(assignee)).updatedAt(at)
                .version(ticket.version() + 1).build();
    }

    /**
     * The satisfaction check of {@code ticket}, owned by {@link #AGENT}, due at {@code due} and overdue a day later;
     * PENDING, version 1, planned at {@link TestPluginContext#START}.
     */
    public static FollowUp followUpOf(Ticket ticket, Instant due) {
        return FollowUp.planned(FollowUpId.of(newId()), FollowUpKind.SATISFACTION_CHECK, ticket.customerId(),
                Optional.of(ticket.id()), AGENT, Optional.of(SUPPORT),
                "Confirm that the problem of ticket " + ticket.number() + " stays solved – 回访", Optional.empty(), due,
                due.plus(Duration.ofDays(1)), TestPluginContext.START);
    }

    /** What the SDK writes to the audit trail when {@code customer} is created. */
    public static AuditEntry customerCreated(Customer customer) {
        return new AuditEntry("customer", customer.id().value(), customer.createdAt(), AGENT, "customer.created",
                Map.of("name", Change.of(null, customer.name()), "code", Change.of(null, customer.code())));
    }

    /**
     * A customer's e-mail on {@code ticket}'s conversation, channel {@code support-mail}, received at {@code at}: it
     * answers the messages {@code references} (nearest first) and belongs to the thread {@code threadKey}.
     */
    public static TicketMessage customerMessage(Ticket ticket, String messageId, List<String> references,
                                                String threadKey, Instant at) {
        return new TicketMessage(ticket.id(), "support-mail", TicketMessage.Direction.INBOUND, messageId,
                Correspondent.byEmail("liu.yang@xinghe.example", Optional.of("刘洋")),
                Optional.of("Re: [#" + ticket.number() + "] 发票开错了 Wrong invoice"),
                "第二张发票也错了。\nThe second invoice is wrong too.", references, Optional.of(threadKey), at);
    }

    private static SlaDeadline deadline(Instant due) {
        return SlaDeadline.of(due.minus(WARNING_LEAD), due);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
