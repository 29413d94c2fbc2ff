package dev.rapport.storage.jdbc;

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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;

/**
 * A NEW P3 ticket of a customer in the queue of customer-service, with no optional component unless told: the
 * fixtures' vocabulary over {@link Ticket.Builder}, plus the SLA and priority pieces it derives components from.
 */
final class TicketBuilder {
    private final Ticket.Builder ticket;
    private Priority priority = Priority.P3;
    private Optional<Instant> pausedSince = Optional.empty();
    private List<SlaTarget> breached = List.of();
    private Set<SlaTarget> running = EnumSet.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION);
    private final Map<SlaTarget, Set<SlaAlarm>> raised = new EnumMap<>(SlaTarget.class);
    private Instant firstResponseDue = minutesAfterT0(120);
    private Instant resolutionDue = minutesAfterT0(48 * 60);
    private final List<TicketId> related = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private Instant openedAt = T0;

    private TicketBuilder(CustomerId customerId) {
        this.ticket = Ticket.builder().id(TicketId.of(Fixtures.newId()))
                .number("T2026%06d".formatted(Fixtures.unique()))
                .customerId(customerId).type("COMPLAINT").description("The device does not start")
                .channel(IntakeChannel.OTHER).departmentId(DepartmentId.of("customer-service"))
                .createdBy(UserId.of("agent-1"));
    }

    static TicketBuilder aTicketOf(CustomerId customer) {
        return new TicketBuilder(customer);
    }

    TicketBuilder withContact(ContactId contact) {
        ticket.contactId(Optional.of(contact));
        return this;
    }

    TicketBuilder filedBy(UserId user, String department) {
        ticket.intakeOwner(Optional.of(new IntakeOwner(user, Optional.of(DepartmentId.of(department)))));
        return this;
    }

    TicketBuilder withTitle(String title) {
        ticket.title(Optional.of(title));
        return this;
    }

    TicketBuilder withPriority(Priority priority) {
        this.priority = priority;
        return this;
    }

    TicketBuilder withChannel(IntakeChannel channel) {
        ticket.channel(channel);
        return this;
    }

    TicketBuilder withStatus(TicketStatus status) {
        ticket.status(status);
        return this;
    }

    TicketBuilder inDepartment(String department) {
        ticket.departmentId(DepartmentId.of(department));
        return this;
    }

    TicketBuilder assignedTo(UserId assignee) {
        ticket.assigneeId(Optional.of(assignee));
        return this;
    }

    /** The first-response and resolution deadlines (the customer-update one follows the first response). */
    TicketBuilder due(Instant firstResponse, Instant resolution) {
        this.firstResponseDue = firstResponse;
        this.resolutionDue = resolution;
        return this;
    }

    TicketBuilder running(SlaTarget... targets) {
        this.running = Set.of(targets);
        return this;
    }

    TicketBuilder raised(SlaTarget target, SlaAlarm... alarms) {
        this.raised.put(target, Set.of(alarms));
        return this;
    }

    TicketBuilder escalatedTo(EscalationLevel level, UserId owner) {
        ticket.escalation(level).ownerId(Optional.ofNullable(owner));
        return this;
    }

    TicketBuilder pausedSince(Instant at) {
        this.pausedSince = Optional.of(at);
        return this;
    }

    TicketBuilder withBreached(SlaTarget... targets) {
        this.breached = List.of(targets);
        return this;
    }

    TicketBuilder relatedTo(TicketId ticket) {
        this.related.add(ticket);
        return this;
    }

    TicketBuilder openedAt(Instant at) {
        this.openedAt = at;
        return this;
    }

    TicketBuilder taggedWith(String... tags) {
        this.tags.addAll(List.of(tags));
        return this;
    }

    TicketBuilder resolvedBy(UserId resolver, Instant at) {
        ticket.resolution(Optional.of(new Resolution("Replaced the power supply", CommunicationMethod.PHONE, resolver,
                at)));
        return this;
    }

    TicketBuilder firstRespondedAt(Instant at) {
        ticket.firstRespondedAt(Optional.of(at));
        return this;
    }

    TicketBuilder closedAt(Instant at) {
        ticket.closedAt(Optional.of(at));
        return this;
    }

    Ticket build() {
        var sla = sla(firstResponseDue, resolutionDue, minutesAfterT0(24 * 60), pausedSince, running,
                raised, breached);
        boolean urgent = priority == Priority.P1 || priority == Priority.P3;
        boolean important = priority == Priority.P1 || priority == Priority.P2;
        return ticket.priority(priority).urgent(urgent).important(important).sla(sla).relatedTicketIds(related)
                .tags(tags).createdAt(openedAt).updatedAt(openedAt.plusSeconds(300)).build();
    }

    /** An SLA whose warnings fall at 80 % of an hour's lead up to each deadline. */
    static TicketSla sla(Instant firstResponseDue, Instant resolutionDue, Instant nextUpdateDue,
                         Optional<Instant> pausedSince, Set<SlaTarget> running, Map<SlaTarget, Set<SlaAlarm>> raised,
                         List<SlaTarget> breached) {
        var deadlines = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
        deadlines.put(SlaTarget.FIRST_RESPONSE, deadline(firstResponseDue, raised.get(SlaTarget.FIRST_RESPONSE)));
        deadlines.put(SlaTarget.RESOLUTION, deadline(resolutionDue, raised.get(SlaTarget.RESOLUTION)));
        deadlines.put(SlaTarget.CUSTOMER_UPDATE, deadline(nextUpdateDue, raised.get(SlaTarget.CUSTOMER_UPDATE)));
        return new TicketSla("business-hours", Duration.ofHours(24), deadlines, running, pausedSince, breached,
                List.of());
    }

    private static SlaDeadline deadline(Instant due, Set<SlaAlarm> raised) {
        return new SlaDeadline(due.minus(Duration.ofMinutes(12)), due, raised == null ? Set.of() : raised);
    }
}
