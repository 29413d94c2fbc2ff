package dev.rapport.core.internal.report;

import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.MonthlyReview.Reason;
import dev.rapport.api.report.MonthlyReview.WeakPoint;
import dev.rapport.core.ReviewThresholds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** SPEC §7's weak points of a month: what fell below its threshold. */
final class WeakPoints {
    private WeakPoints() {
    }

    /**
     * Each priority whose SLA compliance is below its target, P1 first, then each survey dimension averaging below the
     * threshold. A priority without resolved tickets, or a month without answers, has no weak point.
     */
    static List<WeakPoint> of(Kpis kpis, ReviewThresholds thresholds) {
        var weak = new ArrayList<WeakPoint>();
        kpis.slaCompliance().forEach((priority, rate) -> rate.value().ifPresent(value -> {
            double target = thresholds.slaTarget().get(priority);
            if (value < target) {
                weak.add(new WeakPoint("slaCompliance." + priority, value, target, Reason.SLA_BELOW_TARGET));
            }
        }));
        var survey = kpis.survey();
        var dimensions = new LinkedHashMap<String, Optional<Double>>();
        dimensions.put("survey.responseSpeed", survey.responseSpeed());
        dimensions.put("survey.resolution", survey.resolution());
        dimensions.put("survey.attitude", survey.attitude());
        dimensions.put("survey.overall", survey.overall());
        dimensions.forEach((figure, average) -> average.filter(value -> value < thresholds.surveyThreshold())
                .ifPresent(value -> weak.add(new WeakPoint(figure, value, thresholds.surveyThreshold(),
                        Reason.SURVEY_DIMENSION_LOW))));
        return List.copyOf(weak);
    }
}
