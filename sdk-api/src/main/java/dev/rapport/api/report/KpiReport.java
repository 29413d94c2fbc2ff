package dev.rapport.api.report;

import java.util.List;
import java.util.Objects;

/**
 * The KPIs of a period, overall and, when the query asks for a breakdown, per group.
 *
 * @param groups one per group that had tickets in the period, ordered by key; empty without a breakdown
 */
public record KpiReport(ReportQuery query, Kpis overall, List<Group> groups) {
    public KpiReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(overall, "overall");
        groups = List.copyOf(groups);
    }

    /**
     * The KPIs of one group.
     *
     * @param key the department id, type code, priority or assignee's user id; {@code unassigned} for tickets without
     *            an assignee
     */
    public record Group(String key, Kpis kpis) {
        /** The key of the group of tickets without an assignee. */
        public static final String UNASSIGNED = "unassigned";

        public Group {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kpis, "kpis");
        }
    }
}
