package dev.rapport.core.report;

import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.MonthlyReview.Reason;
import dev.rapport.api.report.MonthlyReview.WeakPoint;

import java.util.ArrayList;
import java.util.List;

/** SPEC §7's weak points of a month: what fell below its threshold. */
final class WeakPoints {
    private WeakPoints() {
    }

    /** Each priority whose SLA compliance is below its target, P1 first. A priority without tickets is no weak point. */
    static List<WeakPoint> of(Kpis kpis, ReviewThresholds thresholds) {
        var weak = new ArrayList<WeakPoint>();
        kpis.slaCompliance().forEach((priority, rate) -> rate.value().ifPresent(value -> {
            double target = thresholds.slaTarget().get(priority);
            if (value < target) {
                weak.add(new WeakPoint("slaCompliance." + priority, value, target, Reason.SLA_BELOW_TARGET));
            }
        }));
        return List.copyOf(weak);
    }
}
