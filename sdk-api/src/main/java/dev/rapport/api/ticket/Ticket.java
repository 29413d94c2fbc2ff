package dev.rapport.api.ticket;

import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One service request, from intake to closure.
 *
 * @param number           human-readable and unique, e.g. {@code T2026000042}
 * @param type             a code of the ticket-type catalog
 * @param urgent           with {@code important}, the pair the priority follows from (SPEC §4 matrix)
 * @param departmentId     the department that owns the ticket
 * @param assigneeId       who works on it; empty while it waits in the department's queue
 * @param escalation       who the ticket is escalated to; FRONT_LINE until someone escalates it
 * @param ownerId          the expert who accepted the escalation and owns the ticket to closure (first-ask
 *                         ownership): only a supervisor may reassign it
 * @param tags             labels for finding and grouping tickets, trimmed, at most 10, each unique ignoring case
 *                         (as {@code toLowerCase(Locale.ROOT)} compares them); tickets of one type and tag are what
 *                         improvement suggestions count
 * @param intakeOwner      who filed the ticket for the customer; empty for tickets from channels and the host
 * @param firstRespondedAt when the first customer-visible progress entry was recorded
 * @param version          increases with every change; commands name the version they read
 */
public record Ticket(TicketId id, String number, CustomerId customerId, Optional<ContactId> contactId, String type,
                     Optional<String> title, String description, Priority priority, boolean urgent, boolean important,
                     IntakeChannel channel, TicketStatus status, DepartmentId departmentId,
                     Optional<UserId> assigneeId, EscalationLevel escalation, Optional<UserId> ownerId, TicketSla sla,
                     List<TicketId> relatedTicketIds, List<String> tags, Optional<Resolution> resolution, UserId createdBy,
                     Optional<IntakeOwner> intakeOwner, Instant createdAt, Instant updatedAt,
                     Optional<Instant> firstRespondedAt, Optional<Instant> closedAt, long version) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(departmentId, "departmentId");
        Objects.requireNonNull(assigneeId, "assigneeId");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(sla, "sla");
        relatedTicketIds = List.copyOf(relatedTicketIds);
        tags = List.copyOf(tags);
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(intakeOwner, "intakeOwner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(firstRespondedAt, "firstRespondedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    /** Whether {@code user} filed this ticket. */
    public boolean filedBy(UserId user) {
        return intakeOwner.filter(owner -> owner.userId().equals(user)).isPresent();
    }

    /** A builder holding this ticket, to derive the next state of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Derives a changed copy of a ticket; every component starts as the original's. */
    public static final class Builder {
        private TicketId id;
        private String number;
        private CustomerId customerId;
        private Optional<ContactId> contactId;
        private String type;
        private Optional<String> title;
        private String description;
        private Priority priority;
        private boolean urgent;
        private boolean important;
        private IntakeChannel channel;
        private TicketStatus status;
        private DepartmentId departmentId;
        private Optional<UserId> assigneeId;
        private EscalationLevel escalation;
        private Optional<UserId> ownerId;
        private TicketSla sla;
        private List<TicketId> relatedTicketIds;
        private List<String> tags;
        private Optional<Resolution> resolution;
        private UserId createdBy;
        private Optional<IntakeOwner> intakeOwner;
        private Instant createdAt;
        private Instant updatedAt;
        private Optional<Instant> firstRespondedAt;
        private Optional<Instant> closedAt;
        private long version;

        private Builder(Ticket t) {
            id = t.id;
            number = t.number;
            customerId = t.customerId;
            contactId = t.contactId;
            type = t.type;
            title = t.title;
            description = t.description;
            priority = t.priority;
            urgent = t.urgent;
            important = t.important;
            channel = t.channel;
            status = t.status;
            departmentId = t.departmentId;
            assigneeId = t.assigneeId;
            escalation = t.escalation;
            ownerId = t.ownerId;
            sla = t.sla;
            relatedTicketIds = t.relatedTicketIds;
            tags = t.tags;
            resolution = t.resolution;
            createdBy = t.createdBy;
            intakeOwner = t.intakeOwner;
            createdAt = t.createdAt;
            updatedAt = t.updatedAt;
            firstRespondedAt = t.firstRespondedAt;
            closedAt = t.closedAt;
            version = t.version;
        }

        public Builder status(TicketStatus status) { this.status = status; return this; }
        public Builder departmentId(DepartmentId departmentId) { this.departmentId = departmentId; return this; }
        public Builder assigneeId(Optional<UserId> assigneeId) { this.assigneeId = assigneeId; return this; }
        public Builder escalation(EscalationLevel escalation) { this.escalation = escalation; return this; }
        public Builder ownerId(Optional<UserId> ownerId) { this.ownerId = ownerId; return this; }
        public Builder sla(TicketSla sla) { this.sla = sla; return this; }
        public Builder tags(List<String> tags) { this.tags = tags; return this; }
        public Builder resolution(Optional<Resolution> resolution) { this.resolution = resolution; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder firstRespondedAt(Optional<Instant> at) { this.firstRespondedAt = at; return this; }
        public Builder closedAt(Optional<Instant> closedAt) { this.closedAt = closedAt; return this; }
        public Builder version(long version) { this.version = version; return this; }

        public Ticket build() {
            return new Ticket(id, number, customerId, contactId, type, title, description, priority, urgent, important,
                    channel, status, departmentId, assigneeId, escalation, ownerId, sla, relatedTicketIds, tags, resolution,
                    createdBy, intakeOwner, createdAt, updatedAt, firstRespondedAt, closedAt, version);
        }
    }
}
