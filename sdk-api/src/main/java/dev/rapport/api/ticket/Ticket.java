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

    /**
     * A builder of a new ticket, for a storage reading one back or the core opening one; see {@link Builder} for what
     * must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this ticket, to derive the next state of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a ticket by component name, so that a storage's row mapping keeps compiling when a component is added.
     * There is one setter per component, taking the component's type. What is not set keeps its default: empty for
     * the optional and list components, {@code false} for {@code urgent} and {@code important}, status NEW,
     * escalation FRONT_LINE and version 1, as a newly opened ticket has them. Every other component must be set:
     * {@link #build()} checks them as the canonical constructor does (a {@link NullPointerException} naming it).
     * From {@link Ticket#toBuilder()}, every component starts as the original's.
     */
    public static final class Builder {
        private TicketId id;
        private String number;
        private CustomerId customerId;
        private Optional<ContactId> contactId = Optional.empty();
        private String type;
        private Optional<String> title = Optional.empty();
        private String description;
        private Priority priority;
        private boolean urgent;
        private boolean important;
        private IntakeChannel channel;
        private TicketStatus status = TicketStatus.NEW;
        private DepartmentId departmentId;
        private Optional<UserId> assigneeId = Optional.empty();
        private EscalationLevel escalation = EscalationLevel.FRONT_LINE;
        private Optional<UserId> ownerId = Optional.empty();
        private TicketSla sla;
        private List<TicketId> relatedTicketIds = List.of();
        private List<String> tags = List.of();
        private Optional<Resolution> resolution = Optional.empty();
        private UserId createdBy;
        private Optional<IntakeOwner> intakeOwner = Optional.empty();
        private Instant createdAt;
        private Instant updatedAt;
        private Optional<Instant> firstRespondedAt = Optional.empty();
        private Optional<Instant> closedAt = Optional.empty();
        private long version = 1;

        private Builder() {
        }

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

        public Builder id(TicketId id) { this.id = id; return this; }
        public Builder number(String number) { this.number = number; return this; }
        public Builder customerId(CustomerId customerId) { this.customerId = customerId; return this; }
        public Builder contactId(Optional<ContactId> contactId) { this.contactId = contactId; return this; }
        public Builder type(String type) { this.type = type; return this; }
        public Builder title(Optional<String> title) { this.title = title; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder priority(Priority priority) { this.priority = priority; return this; }
        public Builder urgent(boolean urgent) { this.urgent = urgent; return this; }
        public Builder important(boolean important) { this.important = important; return this; }
        public Builder channel(IntakeChannel channel) { this.channel = channel; return this; }
        public Builder status(TicketStatus status) { this.status = status; return this; }
        public Builder departmentId(DepartmentId departmentId) { this.departmentId = departmentId; return this; }
        public Builder assigneeId(Optional<UserId> assigneeId) { this.assigneeId = assigneeId; return this; }
        public Builder escalation(EscalationLevel escalation) { this.escalation = escalation; return this; }
        public Builder ownerId(Optional<UserId> ownerId) { this.ownerId = ownerId; return this; }
        public Builder sla(TicketSla sla) { this.sla = sla; return this; }
        public Builder relatedTicketIds(List<TicketId> ids) { this.relatedTicketIds = ids; return this; }
        public Builder tags(List<String> tags) { this.tags = tags; return this; }
        public Builder resolution(Optional<Resolution> resolution) { this.resolution = resolution; return this; }
        public Builder createdBy(UserId createdBy) { this.createdBy = createdBy; return this; }
        public Builder intakeOwner(Optional<IntakeOwner> intakeOwner) { this.intakeOwner = intakeOwner; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder firstRespondedAt(Optional<Instant> at) { this.firstRespondedAt = at; return this; }
        public Builder closedAt(Optional<Instant> closedAt) { this.closedAt = closedAt; return this; }
        public Builder version(long version) { this.version = version; return this; }

        /** The ticket, checked as the canonical constructor checks it. */
        public Ticket build() {
            return new Ticket(id, number, customerId, contactId, type, title, description, priority, urgent, important,
                    channel, status, departmentId, assigneeId, escalation, ownerId, sla, relatedTicketIds, tags, resolution,
                    createdBy, intakeOwner, createdAt, updatedAt, firstRespondedAt, closedAt, version);
        }
    }
}
