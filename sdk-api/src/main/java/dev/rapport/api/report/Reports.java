package dev.rapport.api.report;

import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;

import java.time.YearMonth;
import java.util.Optional;

/**
 * KPI reports and the monthly review (SPEC §7). A supervisor ({@code report.read}) sees the own department; with
 * {@code report.read.all}, any department or the whole service.
 */
public interface Reports {
    /**
     * The KPIs of a period, overall and by the query's grouping.
     *
     * @throws ForbiddenException  without {@code report.read}, or for another department (or the whole service)
     *                             without {@code report.read.all}
     */
    KpiReport kpis(Actor actor, ReportQuery query);

    /**
     * The month's KPIs beside the previous month's, with every figure's change and the weak points.
     *
     * @param department the department's review; empty for the whole service
     * @throws ForbiddenException as {@link #kpis}
     */
    MonthlyReview monthly(Actor actor, YearMonth month, Optional<DepartmentId> department);

    /**
     * The month it is now in the SDK's business zone: what a monthly review covers when the host names no month. It
     * may differ from the month on a UTC clock (at 2026-11-30T17:00Z it is already December in Asia/Shanghai).
     */
    YearMonth currentMonth();

    /**
     * The business month so far, from its first day to today, both as days in the SDK's business zone: what a KPI
     * report covers when the host names no period.
     */
    ReportPeriod monthToDate();
}
