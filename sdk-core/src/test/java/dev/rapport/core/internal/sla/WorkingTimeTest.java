package dev.rapport.core.internal.sla;

import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.WorkingHours;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WorkingTimeTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Nested
    class OnTheStandardCalendar {
        private final WorkingTime time = new WorkingTime(BusinessCalendar.standard());

        @Test
        void aDeadlineSkipsTheNightAndTheWeekend() {
            assertThat(time.plus(shanghai("2026-11-20T17:00"), Duration.ofHours(2)))
                    .isEqualTo(shanghai("2026-11-23T10:00"));
        }

        @Test
        void aDeadlineThatUsesUpAShiftIsTheShiftsEnd() {
            assertThat(time.plus(shanghai("2026-11-20T17:00"), Duration.ofHours(1)))
                    .isEqualTo(shanghai("2026-11-20T18:00"));
        }

        @Test
        void countingFromASaturdayStartsOnMondayMorning() {
            assertThat(time.plus(shanghai("2026-11-21T11:30"), Duration.ofHours(1)))
                    .isEqualTo(shanghai("2026-11-23T10:00"));
            assertThat(time.between(shanghai("2026-11-21T11:30"), shanghai("2026-11-23T09:00"))).isZero();
        }

        @Test
        void tenBusinessDaysAreNinetyWorkingHoursAndLandOnTheSameLocalTimeTwoWeeksLater() {
            assertThat(time.plus(shanghai("2026-11-23T11:00"), Duration.ofHours(90)))
                    .isEqualTo(shanghai("2026-12-07T11:00"));
            assertThat(time.plus(shanghai("2026-11-25T14:30"), Duration.ofHours(90)))
                    .isEqualTo(shanghai("2026-12-09T14:30"));
        }

        @Test
        void betweenCountsOnlyWorkingTime() {
            assertThat(time.between(shanghai("2026-11-20T17:00"), shanghai("2026-11-23T10:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(time.between(shanghai("2026-11-23T00:00"), shanghai("2026-11-30T00:00")))
                    .isEqualTo(Duration.ofHours(45));
        }

        @Test
        void betweenIsZeroWhenTheEndIsNotAfterTheStart() {
            assertThat(time.between(shanghai("2026-11-23T12:00"), shanghai("2026-11-23T10:00"))).isZero();
            assertThat(time.between(shanghai("2026-11-23T12:00"), shanghai("2026-11-23T12:00"))).isZero();
        }

        @Test
        void aShiftIncludesItsStartAndExcludesItsEnd() {
            assertThat(time.isWorking(shanghai("2026-11-23T09:00"))).isTrue();
            assertThat(time.isWorking(shanghai("2026-11-23T17:59:59"))).isTrue();
            assertThat(time.isWorking(shanghai("2026-11-23T18:00"))).isFalse();
            assertThat(time.isWorking(shanghai("2026-11-21T12:00"))).as("a Saturday").isFalse();
        }

        @Test
        void noWorkingTimeIsTheStartItselfEvenOutsideWorkingHours() {
            assertThat(time.plus(shanghai("2026-11-21T11:30"), Duration.ZERO)).isEqualTo(shanghai("2026-11-21T11:30"));
        }

        @Test
        void negativeWorkingTimeIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> time.plus(shanghai("2026-11-23T09:00"), Duration.ofMinutes(-1)))
                    .withMessageContaining("negative");
        }
    }

    @Test
    void aSplitShiftSkipsLunch() {
        var time = new WorkingTime(calendar(SHANGHAI, week(WEEKDAYS, "09:00", "12:00", "13:00", "18:00"),
                Set.of(), Map.of()));
        assertThat(time.plus(shanghai("2026-11-23T11:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-11-23T14:00"));
        assertThat(time.between(shanghai("2026-11-23T11:00"), shanghai("2026-11-23T14:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(time.isWorking(shanghai("2026-11-23T12:30"))).isFalse();
    }

    @Nested
    class HolidaysAndExtraWorkingDays {
        @Test
        void aHolidayOnTheMondayAfterAWeekendIsSkipped() {
            var time = new WorkingTime(calendar(SHANGHAI, week(WEEKDAYS, "09:00", "18:00"),
                    Set.of(LocalDate.parse("2026-11-23")), Map.of()));
            assertThat(time.plus(shanghai("2026-11-20T17:00"), Duration.ofHours(2)))
                    .isEqualTo(shanghai("2026-11-24T10:00"));
        }

        @Test
        void aHolidayFromFridayToMondayAroundTheWeekendResumesOnTuesday() {
            var time = new WorkingTime(calendar(SHANGHAI, week(WEEKDAYS, "09:00", "18:00"),
                    Set.of(LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-03"), LocalDate.parse("2026-10-04"),
                            LocalDate.parse("2026-10-05")), Map.of()));
            assertThat(time.plus(shanghai("2026-10-01T17:00"), Duration.ofHours(2)))
                    .isEqualTo(shanghai("2026-10-06T10:00"));
            assertThat(time.between(shanghai("2026-10-01T18:00"), shanghai("2026-10-06T09:00"))).isZero();
        }

        @Test
        void anExtraWorkingSaturdayCounts() {
            var time = new WorkingTime(calendar(SHANGHAI, week(WEEKDAYS, "09:00", "18:00"), Set.of(),
                    Map.of(LocalDate.parse("2026-11-21"), List.of(WorkingHours.of("09:00", "12:00")))));
            assertThat(time.plus(shanghai("2026-11-20T17:00"), Duration.ofHours(2)))
                    .isEqualTo(shanghai("2026-11-21T10:00"));
            assertThat(time.plus(shanghai("2026-11-20T17:00"), Duration.ofHours(5)))
                    .as("the Saturday's three hours, then Monday").isEqualTo(shanghai("2026-11-23T10:00"));
        }
    }

    @Nested
    class AcrossDaylightSaving {
        private final WorkingTime allDayInBerlin = new WorkingTime(calendar(BERLIN,
                week(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00"), Set.of(), Map.of()));

        @Test
        void theSpringForwardNightMakesA23HourDay() {
            Instant midnight = local(BERLIN, "2026-03-29T00:00");
            assertThat(allDayInBerlin.between(midnight, local(BERLIN, "2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
            assertThat(allDayInBerlin.plus(midnight, Duration.ofHours(24))).isEqualTo(local(BERLIN, "2026-03-30T01:00"));
        }

        @Test
        void theFallBackNightMakesA25HourDay() {
            Instant midnight = local(BERLIN, "2026-10-25T00:00");
            assertThat(allDayInBerlin.between(midnight, local(BERLIN, "2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
            assertThat(allDayInBerlin.plus(midnight, Duration.ofHours(24))).isEqualTo(local(BERLIN, "2026-10-25T23:00"));
        }

        @Test
        void businessHoursInNewYorkKeepTheirLocalTimesOverTheChangeWeekends() {
            var time = new WorkingTime(calendar(NEW_YORK, week(WEEKDAYS, "09:00", "18:00"), Set.of(), Map.of()));
            Instant fridayBeforeSpring = local(NEW_YORK, "2026-03-06T17:00");
            Instant mondayAfterSpring = time.plus(fridayBeforeSpring, Duration.ofHours(2));
            assertThat(mondayAfterSpring).isEqualTo(local(NEW_YORK, "2026-03-09T10:00"));
            assertThat(Duration.between(fridayBeforeSpring, mondayAfterSpring)).isEqualTo(Duration.ofHours(64));

            Instant fridayBeforeFall = local(NEW_YORK, "2026-10-30T17:00");
            Instant mondayAfterFall = time.plus(fridayBeforeFall, Duration.ofHours(2));
            assertThat(mondayAfterFall).isEqualTo(local(NEW_YORK, "2026-11-02T10:00"));
            assertThat(Duration.between(fridayBeforeFall, mondayAfterFall)).isEqualTo(Duration.ofHours(66));
        }

        @Test
        void aNightShiftAcrossTheChangeIsAnHourShorterOrLonger() {
            var time = new WorkingTime(calendar(NEW_YORK, week(Set.of(DayOfWeek.SUNDAY), "00:00", "06:00"),
                    Set.of(), Map.of()));
            assertThat(time.between(local(NEW_YORK, "2026-03-08T00:00"), local(NEW_YORK, "2026-03-09T00:00")))
                    .isEqualTo(Duration.ofHours(5));
            assertThat(time.between(local(NEW_YORK, "2026-11-01T00:00"), local(NEW_YORK, "2026-11-02T00:00")))
                    .isEqualTo(Duration.ofHours(7));
            assertThat(time.between(local(NEW_YORK, "2026-03-15T00:00"), local(NEW_YORK, "2026-03-16T00:00")))
                    .as("an ordinary Sunday").isEqualTo(Duration.ofHours(6));
        }

        @Test
        void aShiftEndingInsideTheGapRunsOnAndTimeWorkedByTwoShiftsCountsOnce() {
            // Lord Howe Island moves its clocks from 02:00 to 02:30; 02:15 does not exist and becomes 02:45.
            var time = new WorkingTime(calendar(LORD_HOWE, week(Set.of(DayOfWeek.SUNDAY), "01:00", "02:15", "02:30", "04:00"),
                    Set.of(), Map.of()));
            assertThat(time.between(local(LORD_HOWE, "2026-10-04T00:00"), local(LORD_HOWE, "2026-10-05T00:00")))
                    .as("01:00 to 04:00 on a clock that skips half an hour").isEqualTo(Duration.ofMinutes(150));
            assertThat(time.between(local(LORD_HOWE, "2026-10-11T00:00"), local(LORD_HOWE, "2026-10-12T00:00")))
                    .as("an ordinary Sunday").isEqualTo(Duration.ofMinutes(165));
        }

        @Test
        void aShiftInsideTheGapMovesPastItAndMayOverlapALaterOne() {
            // 02:15–02:30 becomes 03:15–03:30 on the night Berlin skips 02:00–03:00, inside the 03:00–04:00 shift.
            var time = new WorkingTime(calendar(BERLIN, week(Set.of(DayOfWeek.SUNDAY), "02:15", "02:30", "03:00", "04:00"),
                    Set.of(), Map.of()));
            assertThat(time.between(local(BERLIN, "2026-03-29T00:00"), local(BERLIN, "2026-03-30T00:00")))
                    .isEqualTo(Duration.ofHours(1));
            assertThat(time.plus(local(BERLIN, "2026-03-29T00:00"), Duration.ofMinutes(30)))
                    .isEqualTo(local(BERLIN, "2026-03-29T03:30"));
        }
    }

    @Test
    void aDeadlineBeyondTwentyYearsOfDaysIsRefusedInsteadOfSearchedForever() {
        var time = new WorkingTime(calendar(SHANGHAI, week(Set.of(DayOfWeek.MONDAY), "09:00", "10:00"),
                Set.of(), Map.of()));
        assertThatIllegalStateException()
                .isThrownBy(() -> time.plus(shanghai("2026-11-23T09:00"), Duration.ofHours(24 * 366)))
                .withMessageContaining("20 years");
    }

    static Instant shanghai(String localDateTime) {
        return local(SHANGHAI, localDateTime);
    }

    static Instant local(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static BusinessCalendar calendar(ZoneId zone, Map<DayOfWeek, List<WorkingHours>> week, Set<LocalDate> holidays,
                                     Map<LocalDate, List<WorkingHours>> extraWorkingDays) {
        return new BusinessCalendar("test", "Test", zone, week, holidays, extraWorkingDays);
    }

    /** The same shifts on each of {@code days}, given as start, end, start, end, … */
    static Map<DayOfWeek, List<WorkingHours>> week(Set<DayOfWeek> days, String... startsAndEnds) {
        var shifts = new ArrayList<WorkingHours>();
        for (int i = 0; i < startsAndEnds.length; i += 2) {
            shifts.add(WorkingHours.of(startsAndEnds[i], startsAndEnds[i + 1]));
        }
        var week = new EnumMap<DayOfWeek, List<WorkingHours>>(DayOfWeek.class);
        days.forEach(day -> week.put(day, shifts));
        return week;
    }
}
