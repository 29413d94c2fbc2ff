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
        return new FollowUp(id, kind, customerId, ticketId, ownerId, departmentId, purpose, contractEnd, dueAt,
                overdueAt, FollowUpState.PENDING, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), createdAt, Optional.empty(), Optional.empty(), 1);
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
        return new FollowUp(id, kind, customerId, ticketId, ownerId, departmentId, purpose, contractEnd, dueAt,
                overdueAt, state, Optional.of(at), outcome, note, skipReason, interactionId, createdAt, finishedAt,
                finishedBy, version + 1);
    }

    /** This follow-up OVERDUE, at the next version. */
    public FollowUp overdue() {
        return new FollowUp(id, kind, customerId, ticketId, ownerId, departmentId, purpose, contractEnd, dueAt,
                overdueAt, FollowUpState.OVERDUE, dueAnnouncedAt, outcome, note, skipReason, interactionId,
                createdAt, finishedAt, finishedBy, version + 1);
    }

    /** This follow-up DONE with its outcome and the interaction that records it, at the next version. */
    public FollowUp done(String outcome, Optional<String> note, InteractionId interaction, UserId by, Instant at) {
        return new FollowUp(id, kind, customerId, ticketId, ownerId, departmentId, purpose, contractEnd, dueAt,
                overdueAt, FollowUpState.DONE, dueAnnouncedAt, Optional.of(outcome), note, skipReason,
                Optional.of(interaction), createdAt, Optional.of(at), Optional.of(by), version + 1);
    }

    /** This follow-up SKIPPED for {@code reason}, at the next version. */
    public FollowUp skipped(String reason, UserId by, Instant at) {
        return new FollowUp(id, kind, customerId, ticketId, ownerId, departmentId, purpose, contractEnd, dueAt,
                overdueAt, FollowUpState.SKIPPED, dueAnnouncedAt, outcome, note, Optional.of(reason), interactionId,
                createdAt, Optional.of(at), Optional.of(by), version + 1);
    }
}
