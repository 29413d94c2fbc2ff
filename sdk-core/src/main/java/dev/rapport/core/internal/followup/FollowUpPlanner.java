package dev.rapport.core.internal.followup;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.event.FollowUpScheduled;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.followup.UnplannedCare;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.CareCandidate;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.audit.ChangeSet;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans follow-ups (SPEC §6) by the {@link FollowUpPlan}: the after-closure steps, maintenance contacts, renewal care
 * and service recovery. Each follow-up has a plan key naming what it follows, unique in the storage, so it is written
 * once however often and on however many nodes it is planned; a follow-up that is written gets its audit entry and
 * its {@link FollowUpScheduled} in the same transaction. A follow-up no active user can own is not planned: nobody
 * would make it. After closure and for recovery that is logged per ticket; the daily care planning counts it in its
 * {@link CarePass} instead, which it reports once per pass.
 */
final class FollowUpPlanner {
    private static final System.Logger LOG = System.getLogger(FollowUpPlanner.class.getName());
    private static final int MAX_REASON = 500;

    private final IdGenerator ids;
    private final FollowUpPlan plan;
    private final FollowUpCalendar calendar;

    FollowUpPlanner(IdGenerator ids, FollowUpPlan plan, FollowUpCalendar calendar) {
        this.ids = ids;
        this.plan = plan;
        this.calendar = calendar;
    }

    FollowUpPlan plan() {
        return plan;
    }

    FollowUpCalendar calendar() {
        return calendar;
    }

    /**
     * The after-closure steps of {@code ticket}, closed at {@code now}, inside the closing transaction: each due the
     * step's days after the closing day, at the start of business. The rows and audit entries are written; the events
     * are returned, for the caller to announce after the closure itself.
     */
    List<FollowUpScheduled> afterClosure(Transaction tx, Ticket ticket, Actor actor, Instant now) {
        if (plan.afterClosure().isEmpty()) {
            return List.of();
        }
        var manager = tx.customers().find(ticket.customerId()).flatMap(Customer::accountManagerId);
        LocalDate closedOn = calendar.day(now);
        var events = new ArrayList<FollowUpScheduled>();
        for (var step : plan.afterClosure()) {
            var owner = FollowUpOwners.forTicket(tx, step.owner(), ticket, manager);
            if (owner.isEmpty()) {
                LOG.log(Level.WARNING, "No active user can own the " + step.kind() + " follow-up of ticket "
                        + ticket.number() + "; it is not planned");
                continue;
            }
            var followUp = followUp(step.kind(), ticket.customerId(), Optional.of(ticket.id()), owner.get(),
                    Optional.of(ticket.departmentId()), purpose(step.kind(), ticket.number()), Optional.empty(),
                    calendar.dueOn(closedOn.plus(step.after())), now);
            schedule(tx, followUp, "closure:" + ticket.id() + ":" + step.kind(), actor, now, List.of())
                    .ifPresent(events::add);
        }
        return events;
    }

    /**
     * A SERVICE_RECOVERY follow-up of {@code ticket} for a supervisor of its department, due {@code recoveryWithin}
     * from now, announced to the supervisor at once; at most one per ticket, so the one already planned is returned
     * when there is one. Empty only when no active user can own it.
     */
    Optional<FollowUp> openRecovery(Transaction tx, Ticket ticket, String reason, Actor actor, Instant now) {
        String key = "recovery:" + ticket.id();
        var existing = tx.followUps().findByPlanKey(key);
        if (existing.isPresent()) {
            return existing;
        }
        var owner = FollowUpOwners.forTicket(tx, FollowUpPlan.Owner.SUPERVISOR, ticket, Optional.empty())
                .or(() -> FollowUpOwners.forTicket(tx, FollowUpPlan.Owner.TICKET_HANDLER, ticket, Optional.empty()));
        if (owner.isEmpty()) {
            LOG.log(Level.WARNING, "No active user can own the service recovery of ticket " + ticket.number());
            return Optional.empty();
        }
        String why = reason.strip();
        why = why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 1) + "…";
        var followUp = followUp(FollowUpKind.SERVICE_RECOVERY, ticket.customerId(), Optional.of(ticket.id()),
                owner.get(), Optional.of(ticket.departmentId()),
                "Recover the service of ticket " + ticket.number() + ": " + why, Optional.empty(),
                now.plus(plan.recoveryWithin()), now);
        var event = schedule(tx, followUp, key, actor, now, List.of(owner.get().id()));
        event.ifPresent(tx.outbox()::append);
        // A concurrent transaction may have planned it first: then that one is the ticket's recovery.
        return event.isPresent() ? Optional.of(followUp) : tx.followUps().findByPlanKey(key);
    }

    /**
     * The customer's next maintenance contact: on the first anniversary of the cooperation (every cadence of the
     * customer's level from its start, or from the customer's creation) that is today or later.
     *
     * @return whether one was planned
     */
    boolean planMaintenance(Transaction tx, CareCandidate customer, LocalDate today, Instant now, CarePass gaps) {
        var cadence = plan.maintenance().get(customer.maintenanceLevel());
        if (cadence == null) {
            return false; // not asked for: the planner reads only the levels with a cadence
        }
        LocalDate anchor = customer.cooperationSince().orElseGet(() -> calendar.day(customer.createdAt()));
        LocalDate day = nextAnniversary(anchor, cadence, today);
        var owner = FollowUpOwners.forCustomer(tx, customer.accountManagerId());
        if (owner.isEmpty()) {
            gaps.unplanned(FollowUpKind.MAINTENANCE, UnplannedCare.Cause.NO_ACTIVE_OWNER, customer.id());
            tx.followUps().maintenanceDueOn(customer.id(), today.plusDays(1));
            return false;
        }
        String purpose = (customer.maintenanceLevel() == MaintenanceLevel.HIGH ? "In-depth maintenance review"
                : "Short maintenance call") + " (maintenance level " + customer.maintenanceLevel() + ", "
                + every(cadence) + ")";
        var followUp = followUp(FollowUpKind.MAINTENANCE, customer.id(), Optional.empty(), owner.get(), Optional.empty(),
                purpose, Optional.empty(), calendar.dueOn(day), now);
        var event = schedule(tx, followUp, "maintenance:" + customer.id() + ":" + day, Actor.system(), now, List.of());
        event.ifPresent(tx.outbox()::append);
        // planned now or before (the plan key was taken): the customer is due again once that day has passed
        tx.followUps().maintenanceDueOn(customer.id(), day.plusDays(1));
        return event.isPresent();
    }

    /**
     * The renewal contact before the customer's contract ends: due the renewal notice before the end, or today when
     * that day has passed already.
     *
     * @return whether one was planned
     */
    boolean planRenewal(Transaction tx, CareCandidate customer, LocalDate today, Instant now, CarePass gaps) {
        if (plan.renewalNotice().isEmpty() || customer.contractEnd().isEmpty()) {
            return false;
        }
        LocalDate end = customer.contractEnd().get();
        LocalDate day = end.minus(plan.renewalNotice().get());
        day = day.isBefore(today) ? today : day;
        var owner = FollowUpOwners.forCustomer(tx, customer.accountManagerId());
        if (owner.isEmpty()) {
            gaps.unplanned(FollowUpKind.RENEWAL, UnplannedCare.Cause.NO_ACTIVE_OWNER, customer.id());
            return false;
        }
        var followUp = followUp(FollowUpKind.RENEWAL, customer.id(), Optional.empty(), owner.get(), Optional.empty(),
                "Talk about renewing the contract that ends on " + end, Optional.of(end), calendar.dueOn(day), now);
        var event = schedule(tx, followUp, "renewal:" + customer.id() + ":" + end, Actor.system(), now, List.of());
        event.ifPresent(tx.outbox()::append);
        return event.isPresent();
    }

    /** The first of anchor + n × cadence (n ≥ 1) that is not before {@code today}. */
    static LocalDate nextAnniversary(LocalDate anchor, Period cadence, LocalDate today) {
        // A cadence is at most this many days long, so starting at elapsed / longest never overshoots.
        long longest = cadence.toTotalMonths() * 31 + cadence.getDays();
        long n = Math.max(1, ChronoUnit.DAYS.between(anchor, today) / Math.max(1, longest));
        LocalDate day = anchor.plus(cadence.multipliedBy(Math.toIntExact(n)));
        while (day.isBefore(today)) {
            n++;
            day = anchor.plus(cadence.multipliedBy(Math.toIntExact(n)));
        }
        return day;
    }

    /** "every quarter", "every 2 months", "every year"; other cadences as ISO-8601 ("every P10D"). */
    static String every(Period cadence) {
        if (cadence.getDays() == 0 && cadence.getYears() == 0) {
            return switch (cadence.getMonths()) {
                case 1 -> "every month";
                case 3 -> "every quarter";
                default -> "every " + cadence.getMonths() + " months";
            };
        }
        if (cadence.getDays() == 0 && cadence.getMonths() == 0) {
            return cadence.getYears() == 1 ? "every year" : "every " + cadence.getYears() + " years";
        }
        return "every " + cadence;
    }

    private FollowUp followUp(FollowUpKind kind, CustomerId customer, Optional<TicketId> ticket, User owner,
                              Optional<DepartmentId> ticketDepartment, String purpose, Optional<LocalDate> contractEnd,
                              Instant due, Instant now) {
        return FollowUp.planned(FollowUpId.of(ids.next()), kind, customer, ticket, owner.id(),
                owner.departmentId().or(() -> ticketDepartment), purpose, contractEnd, due,
                calendar.overdueAfter(due), now);
    }

    /** Writes the follow-up unless its plan key is taken, with its audit entry; its event when it was written. */
    private static Optional<FollowUpScheduled> schedule(Transaction tx, FollowUp followUp, String key, Actor actor,
                                                        Instant now, List<UserId> recipients) {
        if (!tx.followUps().insertIfAbsent(followUp, key)) {
            return Optional.empty();
        }
        tx.audit().append(ChangeSet.create().added("kind", followUp.kind()).added("customerId", followUp.customerId())
                .added("ticketId", followUp.ticketId()).added("ownerId", followUp.ownerId())
                .added("dueAt", followUp.dueAt()).added("purpose", followUp.purpose())
                .entry("follow-up", followUp.id().value(), now, actor, "follow-up.scheduled"));
        return Optional.of(new FollowUpScheduled(followUp.id(), followUp.kind(), followUp.customerId(),
                followUp.ticketId(), followUp.ownerId(), followUp.dueAt(), recipients, now, actor.userId()));
    }

    private static String purpose(FollowUpKind kind, String ticketNumber) {
        return switch (kind) {
            case SATISFACTION_CHECK -> "Confirm that the problem of ticket " + ticketNumber
                    + " stays solved and the customer is satisfied";
            case USAGE_GUIDE -> "Send the usage guide for ticket " + ticketNumber + " and offer a Q&A session";
            case ACCOUNT_VISIT -> "Visit or call about usage and new needs after ticket " + ticketNumber;
            case SERVICE_RECOVERY, MAINTENANCE, RENEWAL -> throw new IllegalArgumentException(kind + " is not a step");
        };
    }
}
