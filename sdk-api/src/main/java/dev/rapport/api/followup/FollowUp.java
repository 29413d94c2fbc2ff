package dev.rapport.api.followup;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A scheduled contact with a customer (SPEC §6, 回访): after a ticket closed, by the customer's maintenance plan,
 * before the contract ends, or to recover from a poor survey answer.
 *
 * @param ticketId       the ticket it follows, for the after-closure steps and service recovery
 * @param ownerId        who is to make the contact
 * @param departmentId   the department whose supervisors oversee it: the owner's when it was planned, else the
 *                       ticket's
 * @param purpose        what the contact is about, for people to read; never contact phones or e-mails
 * @param contractEnd    for {@link FollowUpKind#RENEWAL}: the contract end it prepares
 * @param dueAt          when it is to be made
 * @param overdueAt      when it becomes OVERDUE if still PENDING: the start of the day after the due day, in the
 *                       business zone
 * @param dueAnnouncedAt when {@code FollowUpDue} told the owner it is due; empty before
 * @param outcome        what came of it, once DONE
 * @param note           anything else worth keeping, once DONE
 * @param skipReason     why it was not made, once SKIPPED
 * @param interactionId  the interaction logged when it was completed
 * @param finishedAt     when it was completed or skipped
 * @param finishedBy     who completed or skipped it
 * @param version        increases with every change; commands may name the version they read
 */
public record FollowUp(FollowUpId id, FollowUpKind kind, CustomerId customerId, Optional<TicketId> ticketId,
                       UserId ownerId, Optional<DepartmentId> departmentId, String purpose,
                       Optional<LocalDate> contractEnd, Instant dueAt, Instant overdueAt, FollowUpState state,
                       Optional<Instant> dueAnnouncedAt, Optional<String> outcome, Optional<String> note,
                       Optional<String> skipReason, Optional<InteractionId> interactionId, Instant createdAt,
                       Optional<Instant> finishedAt, Optional<UserId> finishedBy, long version) {
    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(departmentId, "departmentId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(contractEnd, "contractEnd");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(overdueAt, "overdueAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueAnnouncedAt, "dueAnnouncedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(skipReason, "skipReason");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(finishedBy, "finishedBy");
    }

    /** A new PENDING follow-up, at version 1. */
    public static FollowUp planned(FollowUpId id, FollowUpKind kind, CustomerId customerId, Optional<TicketId> ticketId,
                                   UserId ownerId, Optional<DepartmentId> departmentId, String purpose,
                                   Optional<LocalDate> contractEnd, Instant dueAt, Instant overdueAt,
                                   Instant createdAt) {
        return builder().id(id).kind(kind).customerId(customerId).ticketId(ticketId).ownerId(ownerId)
                .departmentId(departmentId).purpose(purpose).contractEnd(contractEnd).dueAt(dueAt).overdueAt(overdueAt)
                .createdAt(createdAt).build();
    }

    /**
     * A builder of a new follow-up, for a storage reading one back; see {@link Builder} for what must be set.
     * {@link #planned} plans a new one.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this follow-up, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * When the due-work scan has something to do with it next: its due time while it is PENDING and the owner was not
     * yet told, its overdue time while it is PENDING and the owner was told; empty once OVERDUE, DONE or SKIPPED.
     * Storages keep it indexed.
     */
    public Optional<Instant> nextAlarmAt() {
        if (state != FollowUpState.PENDING) {
            return Optional.empty();
        }
        return Optional.of(dueAnnouncedAt.isEmpty() ? dueAt : overdueAt);
    }

    /** This follow-up with the owner told that it is due, at the next version. */
    public FollowUp announced(Instant at) {
        return toBuilder().dueAnnouncedAt(Optional.of(at)).version(version + 1).build();
    }

    /** This follow-up OVERDUE, at the next version. */
    public FollowUp overdue() {
        return toBuilder().state(FollowUpState.OVERDUE).version(version + 1).build();
    }

    /** This follow-up DONE with its outcome and the interaction that records it, at the next version. */
    public FollowUp done(String outcome, Optional<String> note, InteractionId interaction, UserId by, Instant at) {
        return toBuilder().state(FollowUpState.DONE).outcome(Optional.of(outcome)).note(note)
                .interactionId(Optional.of(interaction)).finishedAt(Optional.of(at)).finishedBy(Optional.of(by))
                .version(version + 1).build();
    }

    /** This follow-up SKIPPED for {@code reason}, at the next version. */
    public FollowUp skipped(String reason, UserId by, Instant at) {
        return toBuilder().state(FollowUpState.SKIPPED).skipReason(Optional.of(reason)).finishedAt(Optional.of(at))
                .finishedBy(Optional.of(by)).version(version + 1).build();
    }

    /**
     * Builds a follow-up by component name, so that a storage's row mapping keeps compiling when a component is added.
     * There is one setter per component, taking the component's type. What is not set keeps its default: empty for
     * the optional components, state PENDING and version 1, as a newly planned follow-up has them. Every other
     * component must be set: {@link #build()} checks them as the canonical constructor does (a
     * {@link NullPointerException} naming it). From {@link FollowUp#toBuilder()}, every component starts as the
     * original's.
     */
    public static final class Builder {
        private FollowUpId id;
        private FollowUpKind kind;
        private CustomerId customerId;
        private Optional<TicketId> ticketId = Optional.empty();
        private UserId ownerId;
        private Optional<DepartmentId> departmentId = Optional.empty();
        private String purpose;
        private Optional<LocalDate> contractEnd = Optional.empty();
        private Instant dueAt;
        private Instant overdueAt;
        private FollowUpState state = FollowUpState.PENDING;
        private Optional<Instant> dueAnnouncedAt = Optional.empty();
        private Optional<String> outcome = Optional.empty();
        private Optional<String> note = Optional.empty();
        private Optional<String> skipReason = Optional.empty();
        private Optional<InteractionId> interactionId = Optional.empty();
        private Instant createdAt;
        private Optional<Instant> finishedAt = Optional.empty();
        private Optional<UserId> finishedBy = Optional.empty();
        private long version = 1;

        private Builder() {
        }

        private Builder(FollowUp f) {
            id = f.id;
            kind = f.kind;
            customerId = f.customerId;
            ticketId = f.ticketId;
            ownerId = f.ownerId;
            departmentId = f.departmentId;
            purpose = f.purpose;
            contractEnd = f.contractEnd;
            dueAt = f.dueAt;
            overdueAt = f.overdueAt;
            state = f.state;
            dueAnnouncedAt = f.dueAnnouncedAt;
            outcome = f.outcome;
            note = f.note;
            skipReason = f.skipReason;
            interactionId = f.interactionId;
            createdAt = f.createdAt;
            finishedAt = f.finishedAt;
            finishedBy = f.finishedBy;
            version = f.version;
        }

        public Builder id(FollowUpId id) { this.id = id; return this; }
        public Builder kind(FollowUpKind kind) { this.kind = kind; return this; }
        public Builder customerId(CustomerId customerId) { this.customerId = customerId; return this; }
        public Builder ticketId(Optional<TicketId> ticketId) { this.ticketId = ticketId; return this; }
        public Builder ownerId(UserId ownerId) { this.ownerId = ownerId; return this; }
        public Builder departmentId(Optional<DepartmentId> department) { this.departmentId = department; return this; }
        public Builder purpose(String purpose) { this.purpose = purpose; return this; }
        public Builder contractEnd(Optional<LocalDate> contractEnd) { this.contractEnd = contractEnd; return this; }
        public Builder dueAt(Instant dueAt) { this.dueAt = dueAt; return this; }
        public Builder overdueAt(Instant overdueAt) { this.overdueAt = overdueAt; return this; }
        public Builder state(FollowUpState state) { this.state = state; return this; }
        public Builder dueAnnouncedAt(Optional<Instant> at) { this.dueAnnouncedAt = at; return this; }
        public Builder outcome(Optional<String> outcome) { this.outcome = outcome; return this; }
        public Builder note(Optional<String> note) { this.note = note; return this; }
        public Builder skipReason(Optional<String> skipReason) { this.skipReason = skipReason; return this; }
        public Builder interactionId(Optional<InteractionId> id) { this.interactionId = id; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder finishedAt(Optional<Instant> finishedAt) { this.finishedAt = finishedAt; return this; }
        public Builder finishedBy(Optional<UserId> finishedBy) { this.finishedBy = finishedBy; return this; }
        public Builder version(long version) { this.version = version; return this; }

        /** The follow-up, checked as the canonical constructor checks it. */
        public FollowUp build() {
            return new FollowUp(id, kind, customerId, ticketId, ownerId, departmentId, purpose, contractEnd, dueAt,
                    overdueAt, state, dueAnnouncedAt, outcome, note, skipReason, interactionId, createdAt, finishedAt,
                    finishedBy, version);
        }
    }
}
