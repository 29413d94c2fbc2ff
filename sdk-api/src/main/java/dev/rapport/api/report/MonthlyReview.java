package dev.rapport.api.report;

import dev.rapport.api.security.DepartmentId;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The monthly service review (SPEC §7): a month's KPIs beside the month before, the change of every figure, and the
 * weak points to act on.
 *
 * @param changes    one per figure of either month, in the order of {@link Kpis#figures()}
 * @param weakPoints what fell short of its threshold this month, most urgent first
 */
public record MonthlyReview(YearMonth month, Optional<DepartmentId> department, Kpis kpis, Kpis previousMonth,
                            List<Change> changes, List<WeakPoint> weakPoints) {
    public MonthlyReview {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(kpis, "kpis");
        Objects.requireNonNull(previousMonth, "previousMonth");
        changes = List.copyOf(changes);
        weakPoints = List.copyOf(weakPoints);
    }

    /**
     * How one figure moved from the previous month to this one.
     *
     * @param delta {@code current - previous}; empty when either is
     */
    public record Change(String figure, Optional<Double> current, Optional<Double> previous, Optional<Double> delta) {
        public Change {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(delta, "delta");
        }

        public static Change between(String figure, Optional<Double> current, Optional<Double> previous) {
            var delta = current.isPresent() && previous.isPresent()
                    ? Optional.of(current.get() - previous.get()) : Optional.<Double>empty();
            return new Change(figure, current, previous, delta);
        }
    }

    /**
     * A figure that fell short this month.
     *
     * @param figure    as named in {@link Kpis#figures()}, e.g. {@code slaCompliance.P2}
     * @param threshold the value it should have reached
     */
    public record WeakPoint(String figure, double value, double threshold, Reason reason) {
        public WeakPoint {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a figure counts as a weak point. */
    public enum Reason {
        /** A priority's SLA compliance is below its target. */
        SLA_BELOW_TARGET,
        /** A survey dimension averages below the threshold (3 by default). */
        SURVEY_DIMENSION_LOW
    }
}
