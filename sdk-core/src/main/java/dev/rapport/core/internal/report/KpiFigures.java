package dev.rapport.core.internal.report;

import dev.rapport.api.report.FirstResponse;
import dev.rapport.api.report.ImprovementFigures;
import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.Rate;
import dev.rapport.api.report.SurveyFigures;
import dev.rapport.api.spi.storage.ReportStore.CustomerTotals;
import dev.rapport.api.spi.storage.ReportStore.ImprovementTotals;
import dev.rapport.api.spi.storage.ReportStore.SurveyTotals;
import dev.rapport.api.spi.storage.ReportStore.TicketTotals;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.Priority;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Turns the storage's counts into the KPIs of SPEC §7, as {@code docs/kpis.md} defines them. */
final class KpiFigures {
    /** The ticket type whose share of all tickets is the complaint rate. */
    static final String COMPLAINT = "COMPLAINT";

    private KpiFigures() {
    }

    /** Averages of the 1–5 scores, the share of overall 5s, and the NPS: promoters minus detractors, in percent. */
    static SurveyFigures survey(SurveyTotals s) {
        if (s.answers() == 0) {
            return SurveyFigures.NONE;
        }
        double n = s.answers();
        return new SurveyFigures(s.answers(), Optional.of(s.responseSpeed() / n), Optional.of(s.resolution() / n),
                Optional.of(s.attitude() / n), Optional.of(s.overall() / n), new Rate(s.overallFive(), s.answers()),
                Optional.of((s.promoters() - s.detractors()) * 100 / n));
    }

    /**
     * @param stages    each ticket type's life-cycle stage
     * @param customers    the service-wide customer counts; empty for a group, where they mean nothing
     * @param improvements the improvement counts; empty for a group
     */
    static Kpis of(TicketTotals t, SurveyTotals answers, Map<String, LifecycleStage> stages,
                   Optional<CustomerTotals> customers, Optional<ImprovementTotals> improvements) {
        long opened = t.openedByType().values().stream().mapToLong(Long::longValue).sum();
        var byStage = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
        t.openedByType().forEach((type, count) -> {
            var stage = stages.get(type);
            if (stage != null) {
                byStage.merge(stage, count, Long::sum);
            }
        });
        long resolved = t.resolved().values().stream().mapToLong(Long::longValue).sum();
        var compliance = new EnumMap<Priority, Rate>(Priority.class);
        for (Priority priority : Priority.values()) {
            compliance.put(priority, new Rate(t.slaMet().getOrDefault(priority, 0L),
                    t.resolved().getOrDefault(priority, 0L)));
        }
        var firstResponse = new FirstResponse(t.median(), t.p90(), new Rate(t.withinTarget(), t.firstResponses()));
        return new Kpis(opened, firstResponse, new Rate(t.resolvedWithin72h(), resolved), compliance, survey(answers),
                new Rate(t.openedByType().getOrDefault(COMPLAINT, 0L), opened), new Rate(t.reopened(), t.judged()),
                t.openedByType(), byStage, t.openedByChannel(),
                customers.map(c -> new Rate(c.returningAgain(), c.returning())).orElse(Rate.NONE),
                customers.map(c -> new Rate(c.referred(), c.created())).orElse(Rate.NONE),
                improvements.map(i -> new ImprovementFigures(i.open(), i.verifications(), i.verifications() == 0
                        ? Optional.empty() : Optional.of((double) i.scoreSum() / i.verifications())))
                        .orElse(ImprovementFigures.NONE));
    }
}
