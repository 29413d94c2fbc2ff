package dev.rapport.api.followup;

import dev.rapport.api.customer.MaintenanceLevel;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When the SDK plans follow-ups and who owns them (SPEC §6). Days are calendar days in the business zone; a follow-up
 * planned for a day is due at {@code dayStart} that day and becomes OVERDUE when the day is over.
 *
 * @param afterClosure   the steps planned when a ticket closes, each due {@code after} the closing day
 * @param maintenance    how often each maintenance level gets a {@link FollowUpKind#MAINTENANCE} contact; a level
 *                       without an entry gets none
 * @param renewalNotice  how long before the contract end the {@link FollowUpKind#RENEWAL} contact is due; empty: no
 *                       renewal care
 * @param recoveryWithin how soon after a poor survey answer the {@link FollowUpKind#SERVICE_RECOVERY} contact is due
 * @param dayStart       the time of day planned follow-ups are due, the start of business
 */
public record FollowUpPlan(List<Step> afterClosure, Map<MaintenanceLevel, Period> maintenance,
                           Optional<Period> renewalNotice, Duration recoveryWithin, LocalTime dayStart) {
    /**
     * Who owns a follow-up. Each rule falls back when it finds no active user: {@link #ACCOUNT_MANAGER} to
     * {@link #TICKET_HANDLER}, {@link #TICKET_HANDLER} to {@link #SUPERVISOR}.
     */
    public enum Owner {
        /** The expert who accepted the ticket (first-ask ownership), else its assignee. */
        TICKET_HANDLER,
        /** The customer's account manager. */
        ACCOUNT_MANAGER,
        /** A supervisor of the ticket's department, the first by employee id. */
        SUPERVISOR
    }

    /**
     * One step of the after-closure plan.
     *
     * @param kind  one of the after-closure kinds ({@link FollowUpKind#afterClosure()})
     * @param after how many days after the closing day it is due; zero or more
     */
    public record Step(FollowUpKind kind, Period after, Owner owner) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(owner, "owner");
            if (!kind.afterClosure()) {
                throw new IllegalArgumentException(kind + " is not a step after closure");
            }
            if (after.isNegative()) {
                throw new IllegalArgumentException("the step " + kind + " cannot be due before the ticket closed");
            }
        }
    }

    /** @throws IllegalArgumentException for a kind planned twice, a non-positive cadence or recovery time */
    public FollowUpPlan {
        afterClosure = List.copyOf(afterClosure);
        var kinds = new HashSet<FollowUpKind>();
        afterClosure.forEach(step -> {
            if (!kinds.add(step.kind())) {
                throw new IllegalArgumentException("the step " + step.kind() + " is planned twice");
            }
        });
        maintenance = Map.copyOf(maintenance);
        maintenance.forEach((level, cadence) -> {
            if (cadence.isZero() || cadence.isNegative()) {
                throw new IllegalArgumentException("the maintenance cadence of " + level + " must be positive");
            }
        });
        Objects.requireNonNull(renewalNotice, "renewalNotice");
        renewalNotice.filter(Period::isNegative).ifPresent(p -> {
            throw new IllegalArgumentException("the renewal notice cannot be negative");
        });
        Objects.requireNonNull(recoveryWithin, "recoveryWithin");
        if (!recoveryWithin.isPositive()) {
            throw new IllegalArgumentException("recoveryWithin must be positive");
        }
        Objects.requireNonNull(dayStart, "dayStart");
    }

    /**
     * SPEC §6: day 3 satisfaction check and day 7 usage guide by the ticket's handler, day 30 visit by the account
     * manager; HIGH customers a quarterly review, MEDIUM a monthly call, LOW none; the renewal contact 30 days before
     * the contract ends; service recovery within a day; due at 09:00.
     */
    public static FollowUpPlan standard() {
        var maintenance = new EnumMap<MaintenanceLevel, Period>(MaintenanceLevel.class);
        maintenance.put(MaintenanceLevel.HIGH, Period.ofMonths(3));
        maintenance.put(MaintenanceLevel.MEDIUM, Period.ofMonths(1));
        return new FollowUpPlan(List.of(
                new Step(FollowUpKind.SATISFACTION_CHECK, Period.ofDays(3), Owner.TICKET_HANDLER),
                new Step(FollowUpKind.USAGE_GUIDE, Period.ofDays(7), Owner.TICKET_HANDLER),
                new Step(FollowUpKind.ACCOUNT_VISIT, Period.ofDays(30), Owner.ACCOUNT_MANAGER)),
                maintenance, Optional.of(Period.ofDays(30)), Duration.ofDays(1), LocalTime.of(9, 0));
    }

    /** The after-closure step of {@code kind}, if planned. */
    public Optional<Step> step(FollowUpKind kind) {
        return afterClosure.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** This plan with {@code step} replacing the step of its kind, or added after the others. */
    public FollowUpPlan withStep(Step step) {
        var steps = new ArrayList<>(afterClosure);
        int at = steps.indexOf(step(step.kind()).orElse(null));
        if (at >= 0) {
            steps.set(at, step);
        } else {
            steps.add(step);
        }
        return new FollowUpPlan(steps, maintenance, renewalNotice, recoveryWithin, dayStart);
    }

    /** This plan without an after-closure step of {@code kind}. */
    public FollowUpPlan withoutStep(FollowUpKind kind) {
        var steps = afterClosure.stream().filter(s -> s.kind() != kind).toList();
        return new FollowUpPlan(steps, maintenance, renewalNotice, recoveryWithin, dayStart);
    }

    /** This plan with {@code level} getting a maintenance contact every {@code cadence}, or none when empty. */
    public FollowUpPlan withMaintenance(MaintenanceLevel level, Optional<Period> cadence) {
        var levels = new EnumMap<MaintenanceLevel, Period>(MaintenanceLevel.class);
        levels.putAll(maintenance);
        cadence.ifPresentOrElse(c -> levels.put(level, c), () -> levels.remove(level));
        return new FollowUpPlan(afterClosure, levels, renewalNotice, recoveryWithin, dayStart);
    }

    /** This plan with the renewal contact due {@code notice} before the contract end, or no renewal care when empty. */
    public FollowUpPlan withRenewalNotice(Optional<Period> notice) {
        return new FollowUpPlan(afterClosure, maintenance, notice, recoveryWithin, dayStart);
    }

    /** This plan with service recovery due {@code within} after the poor answer. */
    public FollowUpPlan withRecoveryWithin(Duration within) {
        return new FollowUpPlan(afterClosure, maintenance, renewalNotice, within, dayStart);
    }

    /** This plan with planned follow-ups due at {@code time}. */
    public FollowUpPlan withDayStart(LocalTime time) {
        return new FollowUpPlan(afterClosure, maintenance, renewalNotice, recoveryWithin, time);
    }
}
