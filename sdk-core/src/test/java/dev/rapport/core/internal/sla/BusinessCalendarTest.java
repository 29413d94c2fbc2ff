package dev.rapport.core.internal.sla;

import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.WorkingHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final LocalDate SATURDAY = LocalDate.parse("2026-11-21");
    private static final List<WorkingHours> NINE_TO_SIX = List.of(WorkingHours.of("09:00", "18:00"));

    @Test
    void midnightAsTheEndMeansTheEndOfTheDay() {
        assertThat(WorkingHours.of("00:00", "00:00").untilEndOfDay()).isTrue();
        assertThat(WorkingHours.of("22:00", "00:00").untilEndOfDay()).isTrue();
        assertThat(WorkingHours.of("09:00", "18:00").untilEndOfDay()).isFalse();
    }

    @Test
    void aShiftMustStartBeforeItEnds() {
        assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.of("18:00", "09:00"))
                .withMessageContaining("18:00–09:00");
        assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.of("09:00", "09:00"));
    }

    @Test
    void theDefaultsAreTheSpecs() {
        var standard = BusinessCalendar.standard();
        assertThat(standard.id()).isEqualTo("business-hours");
        assertThat(standard.zone()).isEqualTo(SHANGHAI);
        assertThat(standard.hoursOn(MONDAY)).isEqualTo(NINE_TO_SIX);
        assertThat(standard.hoursOn(SATURDAY)).isEmpty();

        var alwaysOpen = BusinessCalendar.alwaysOpen();
        assertThat(alwaysOpen.id()).isEqualTo("24x7");
        assertThat(alwaysOpen.zone()).isEqualTo(SHANGHAI);
        for (int day = 0; day < 7; day++) {
            assertThat(alwaysOpen.hoursOn(MONDAY.plusDays(day)))
                    .containsExactly(new WorkingHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
    }

    @Test
    void aHolidayHasNoHoursAndAnExtraWorkingDayHasItsOwn() {
        var saturdayMorning = List.of(WorkingHours.of("09:00", "12:00"));
        var calendar = calendar(weekdays(NINE_TO_SIX), Set.of(MONDAY), Map.of(SATURDAY, saturdayMorning));
        assertThat(calendar.hoursOn(MONDAY)).isEmpty();
        assertThat(calendar.hoursOn(SATURDAY)).isEqualTo(saturdayMorning);
        assertThat(calendar.hoursOn(MONDAY.plusDays(1))).isEqualTo(NINE_TO_SIX);
    }

    @Test
    void aDateCannotBeBothAHolidayAndAnExtraWorkingDay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar(weekdays(NINE_TO_SIX), Set.of(SATURDAY), Map.of(SATURDAY, NINE_TO_SIX)))
                .withMessageContaining("2026-11-21 is both a holiday and an extra working day");
    }

    @Test
    void anExtraWorkingDayNeedsHours() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar(weekdays(NINE_TO_SIX), Set.of(), Map.of(SATURDAY, List.of())))
                .withMessageContaining("extra working day 2026-11-21 has no working hours");
    }

    @Test
    void splitShiftsAreSortedAndMustNotOverlap() {
        var afternoon = WorkingHours.of("13:00", "18:00");
        var morning = WorkingHours.of("09:00", "12:00");
        assertThat(calendar(weekdays(List.of(afternoon, morning)), Set.of(), Map.of()).hoursOn(MONDAY))
                .containsExactly(morning, afternoon);
        assertThat(calendar(weekdays(List.of(WorkingHours.of("09:00", "13:00"), afternoon)), Set.of(), Map.of())
                .hoursOn(MONDAY)).as("shifts may touch").hasSize(2);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar(weekdays(List.of(WorkingHours.of("09:00", "13:30"), afternoon)),
                        Set.of(), Map.of()))
                .withMessageContaining("overlap");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar(weekdays(List.of(WorkingHours.of("20:00", "00:00"),
                        WorkingHours.of("22:00", "23:00"))), Set.of(), Map.of()))
                .as("a shift until the end of the day leaves no room after it").withMessageContaining("overlap");
    }

    @Test
    void aWeekWithoutWorkingTimeIsRefusedBecauseNoDeadlineCouldBeReached() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar(Map.of(DayOfWeek.MONDAY, List.of()), Set.of(), Map.of()))
                .withMessageContaining("no working time");
    }

    @Test
    void theIdIsKebabCase() {
        assertThat(new BusinessCalendar("china-2026", "China", SHANGHAI, weekdays(NINE_TO_SIX), Set.of(), Map.of())
                .id()).isEqualTo("china-2026");
        for (String bad : List.of("", "China", "-x", "a_b", "a b")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new BusinessCalendar(bad, "x", SHANGHAI, weekdays(NINE_TO_SIX), Set.of(), Map.of()))
                    .withMessageContaining("kebab-case");
        }
    }

    @Test
    void theCollectionsAreCopies() {
        var week = weekdays(new ArrayList<>(NINE_TO_SIX));
        var holidays = new HashSet<>(Set.of(MONDAY));
        var calendar = calendar(week, holidays, Map.of());
        week.remove(DayOfWeek.TUESDAY);
        holidays.clear();
        assertThat(calendar.hoursOn(MONDAY)).isEmpty();
        assertThat(calendar.hoursOn(MONDAY.plusDays(1))).isEqualTo(NINE_TO_SIX);
        assertThat(calendar.holidays()).containsExactly(MONDAY);
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> calendar.week().remove(DayOfWeek.MONDAY));
    }

    private static BusinessCalendar calendar(Map<DayOfWeek, List<WorkingHours>> week, Set<LocalDate> holidays,
                                             Map<LocalDate, List<WorkingHours>> extraWorkingDays) {
        return new BusinessCalendar("test", "Test", SHANGHAI, week, holidays, extraWorkingDays);
    }

    private static Map<DayOfWeek, List<WorkingHours>> weekdays(List<WorkingHours> shifts) {
        var week = new EnumMap<DayOfWeek, List<WorkingHours>>(DayOfWeek.class);
        for (var day = DayOfWeek.MONDAY; day != DayOfWeek.SATURDAY; day = day.plus(1)) {
            week.put(day, shifts);
        }
        return week;
    }
}
