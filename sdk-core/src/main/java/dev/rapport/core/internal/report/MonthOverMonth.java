package dev.rapport.core.internal.report;

import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.MonthlyReview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** How every figure moved from one month to the next. */
final class MonthOverMonth {
    private MonthOverMonth() {
    }

    /** One change per figure of either month: this month's figures in order, then those only the previous one had. */
    static List<MonthlyReview.Change> changes(Kpis current, Kpis previous) {
        var now = new LinkedHashMap<String, Optional<Double>>();
        current.figures().forEach(f -> now.put(f.name(), f.value()));
        var before = new LinkedHashMap<String, Optional<Double>>();
        previous.figures().forEach(f -> before.put(f.name(), f.value()));
        var names = new LinkedHashMap<String, Boolean>();
        now.keySet().forEach(name -> names.put(name, true));
        before.keySet().forEach(name -> names.putIfAbsent(name, true));
        return names.keySet().stream()
                .map(name -> MonthlyReview.Change.between(name, now.getOrDefault(name, Optional.empty()),
                        before.getOrDefault(name, Optional.empty())))
                .toList();
    }
}
