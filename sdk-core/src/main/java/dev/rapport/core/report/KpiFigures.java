package dev.rapport.core.report;

import dev.rapport.api.report.FirstResponse;
import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.Rate;
import dev.rapport.api.spi.storage.ReportStore.CustomerTotals;
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

    /**
     * @param stages    each ticket type's life-cycle stage
     * @param customers the service-wide customer counts; empty for a group, where they mean nothing
     */
    static Kpis of(TicketTotals t, Map<String, LifecycleStage> stages, Optional<CustomerTotals> customers) {
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
        return new Kpis(opened, firstResponse, new Rate(t.resolvedWithin72h(), resolved), compliance,
                new Rate(t.openedByType().getOrDefault(COMPLAINT, 0L), opened), new Rate(t.reopened(), t.judged()),
                t.openedByType(), byStage, t.openedByChannel(),
                customers.map(c -> new Rate(c.returningAgain(), c.returning())).orElse(Rate.NONE),
                customers.map(c -> new Rate(c.referred(), c.created())).orElse(Rate.NONE));
    }
}
