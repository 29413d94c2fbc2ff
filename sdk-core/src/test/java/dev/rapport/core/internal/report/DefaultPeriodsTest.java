package dev.rapport.core.internal.report;

import dev.rapport.api.report.ReportPeriod;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's default period is the business zone's month so far, whatever the clock's zone: Asia/Shanghai is eight
 * hours ahead of UTC, so on the evening (UTC) of the last day of a month it is already the next month there.
 */
class DefaultPeriodsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void atShanghaisMidnightTheNewMonthBeginsThoughUtcIsStillInTheOldOne() {
        var clock = MutableClock.at("2026-11-30T16:00:00Z");
        var periods = new DefaultPeriods(clock, SHANGHAI);

        assertThat(periods.currentMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(periods.monthToDate())
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1)));
        assertThat(new DefaultPeriods(clock, ZoneOffset.UTC).currentMonth()).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void aMomentBeforeShanghaisMidnightStillHasTheWholeOldMonth() {
        var clock = MutableClock.at("2026-11-30T15:59:59Z");
        var periods = new DefaultPeriods(clock, SHANGHAI);

        assertThat(periods.currentMonth()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(periods.monthToDate())
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
    }

    @Test
    void aZoneBehindUtcKeepsTheOldMonthAfterUtcLeftIt() {
        var clock = MutableClock.at("2027-01-01T03:00:00Z");
        var periods = new DefaultPeriods(clock, ZoneId.of("America/New_York"));

        assertThat(periods.currentMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(periods.monthToDate())
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void thePeriodFollowsTheClockAsItMoves() {
        var clock = MutableClock.at("2026-11-30T15:59:59Z");
        var periods = new DefaultPeriods(clock, SHANGHAI);
        assertThat(periods.monthToDate().from()).isEqualTo(LocalDate.of(2026, 11, 1));

        clock.advance(Duration.ofSeconds(1));

        assertThat(periods.monthToDate().from()).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
