package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;

/** A NEW P3 ticket of a customer in the queue of customer-service, with no optional component unless told. */
final class TicketBuilder {
    private final CustomerId customerId;
    private final TicketId id = TicketId.of(Fixtures.newId());
    private final String number = "T2026%06d".formatted(Fixtures.unique());
    private Optional<ContactId> contactId = Optional.empty();
    private Optional<String> title = Optional.empty();
    private Priority priority = Priority.P3;
    private IntakeChannel channel = IntakeChannel.OTHER;
    private TicketStatus status = TicketStatus.NEW;
    private DepartmentId departmentId = DepartmentId.of("customer-service");
    private Optional<UserId> assigneeId = Optional.empty();
    private Optional<Instant> pausedSince = Optional.empty();
    private List<SlaTarget> breached = List.of();
    private final List<TicketId> related = new ArrayList<>();
    private Optional<Resolution> resolution = Optional.empty();
    private Optional<Instant> firstRespondedAt = Optional.empty();
    private Optional<Instant> closedAt = Optional.empty();

    private TicketBuilder(CustomerId customerId) {
        this.customerId = customerId;
    }

    static TicketBuilder aTicketOf(CustomerId customer) {
        return new TicketBuilder(customer);
    }

    TicketBuilder withContact(ContactId contact) {
        this.contactId = Optional.of(contact);
        return this;
    }

    TicketBuilder withTitle(String title) {
        this.title = Optional.of(title);
        return this;
    }

    TicketBuilder withPriority(Priority priority) {
        this.priority = priority;
        return this;
    }

    TicketBuilder withChannel(IntakeChannel channel) {
        this.channel = channel;
        return this;
    }

    TicketBuilder withStatus(TicketStatus status) {
        this.status = status;
        return this;
    }

    TicketBuilder inDepartment(String department) {
        this.departmentId = DepartmentId.of(department);
        return this;
    }

    TicketBuilder assignedTo(UserId assignee) {
        this.assigneeId = Optional.of(assignee);
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

    TicketBuilder resolvedBy(UserId resolver, Instant at) {
        this.resolution = Optional.of(new Resolution("Replaced the power supply", CommunicationMethod.PHONE, resolver,
                at));
        return this;
    }

    TicketBuilder firstRespondedAt(Instant at) {
        this.firstRespondedAt = Optional.of(at);
        return this;
    }

    TicketBuilder closedAt(Instant at) {
        this.closedAt = Optional.of(at);
        return this;
    }

    Ticket build() {
        var sla = new TicketSla(minutesAfterT0(120), minutesAfterT0(48 * 60), minutesAfterT0(24 * 60), pausedSince,
                breached);
        boolean urgent = priority == Priority.P1 || priority == Priority.P3;
        boolean important = priority == Priority.P1 || priority == Priority.P2;
        return new Ticket(id, number, customerId, contactId, "COMPLAINT", title, "The device does not start",
                priority, urgent, important, channel, status, departmentId, assigneeId, sla, related, resolution,
                UserId.of("agent-1"), T0, minutesAfterT0(5), firstRespondedAt, closedAt, 1);
    }
}
