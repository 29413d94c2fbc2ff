package dev.rapport.core.internal.report;

import dev.rapport.api.report.ReportPeriod;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The periods reports cover when a host names none, as days of the business zone: hosts and consoles run on UTC
 * clocks or in other zones, and the month a report shows must be the one the service's staff are in.
 */
record DefaultPeriods(Clock clock, ZoneId zone) {
    DefaultPeriods {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
    }

    YearMonth currentMonth() {
        return YearMonth.from(today());
    }

    ReportPeriod monthToDate() {
        var today = today();
        return new ReportPeriod(today.withDayOfMonth(1), today);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
