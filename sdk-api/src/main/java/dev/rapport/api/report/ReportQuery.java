package dev.rapport.api.report;

import dev.rapport.api.security.DepartmentId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a KPI report covers.
 *
 * @param department only the tickets of this department (customer figures stay service-wide)
 * @param groupBy    the breakdown to add beside the overall figures
 */
public record ReportQuery(ReportPeriod period, Optional<DepartmentId> department, Optional<Grouping> groupBy) {
    public ReportQuery {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(groupBy, "groupBy");
    }

    /** The whole service over {@code period}, without a breakdown. */
    public static ReportQuery of(ReportPeriod period) {
        return new ReportQuery(period, Optional.empty(), Optional.empty());
    }

    public ReportQuery in(DepartmentId department) {
        return new ReportQuery(period, Optional.of(department), groupBy);
    }

    public ReportQuery groupedBy(Grouping grouping) {
        return new ReportQuery(period, department, Optional.of(grouping));
    }
}
