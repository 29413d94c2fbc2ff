package dev.rapport.core.internal.sla;

import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.WorkingHours;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjuster;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws of working-time arithmetic over generated calendars: zones with daylight saving (Lord Howe's shifts by half
 * an hour), split shifts on a quarter-hour grid, holidays in runs that often touch a weekend, and extra working days.
 */
class WorkingTimePropertiesTest {
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Shanghai",
            "Australia/Lord_Howe", "Asia/Kolkata", "UTC");
    /** Starts fall in the first 18 months of 2026–27, so that deadlines stay among the generated holidays. */
    private static final Instant FIRST_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long START_WINDOW_SECONDS = Duration.ofDays(547).toSeconds();
    private static final LocalDate FIRST_DATE = LocalDate.parse("2026-01-01");
    private static final int DATE_WINDOW_DAYS = 730;
    private static final Duration LONGEST = Duration.ofHours(100);
    /** The daylight-saving changes of those zones while starts are drawn: where arithmetic on instants goes wrong. */
    private static final List<Instant> CLOCK_CHANGES = ZONES.stream().map(ZoneId::of).map(ZoneId::getRules)
            .flatMap(rules -> Stream.iterate(rules.nextTransition(FIRST_START),
                    change -> change != null && change.getInstant().isBefore(FIRST_START.plusSeconds(START_WINDOW_SECONDS)),
                    change -> rules.nextTransition(change.getInstant())))
            .map(ZoneOffsetTransition::getInstant).toList();

    @Property(tries = 300)
    void betweenGivesBackTheWorkingTimeAddedByPlus(@ForAll("calendars") BusinessCalendar calendar,
                                                   @ForAll("instants") Instant start,
                                                   @ForAll("durations") Duration working) {
        var time = new WorkingTime(calendar);
        assertThat(time.between(start, time.plus(start, working))).isEqualTo(working);
    }

    @Property(tries = 300)
    void moreWorkingTimeNeverGivesAnEarlierDeadline(@ForAll("calendars") BusinessCalendar calendar,
                                                    @ForAll("instants") Instant start,
                                                    @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        var time = new WorkingTime(calendar);
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        Duration longer = a.compareTo(b) <= 0 ? b : a;
        assertThat(time.plus(start, shorter)).isBeforeOrEqualTo(time.plus(start, longer));
    }

    @Property(tries = 300)
    void addingInTwoStepsIsAddingTheSum(@ForAll("calendars") BusinessCalendar calendar,
                                        @ForAll("instants") Instant start,
                                        @ForAll("positiveDurations") Duration a,
                                        @ForAll("positiveDurations") Duration b) {
        var time = new WorkingTime(calendar);
        assertThat(time.plus(time.plus(start, a), b)).isEqualTo(time.plus(start, a.plus(b)));
    }

    /**
     * The last moment counted lies in a shift of a working date. (The deadline itself may be the midnight that
     * starts a holiday, when the last shift before it runs until the end of the day.)
     */
    @Property(tries = 300)
    void theLastMomentCountedIsWorkingTimeAndNeverOnAHoliday(@ForAll("calendars") BusinessCalendar calendar,
                                                             @ForAll("instants") Instant start,
                                                             @ForAll("positiveDurations") Duration working) {
        var time = new WorkingTime(calendar);
        Instant lastMoment = time.plus(start, working).minusNanos(1);
        LocalDate date = LocalDate.ofInstant(lastMoment, calendar.zone());
        assertThat(time.isWorking(lastMoment)).isTrue();
        assertThat(calendar.holidays()).doesNotContain(date);
        assertThat(calendar.hoursOn(date)).isNotEmpty();
    }

    @Property(tries = 300)
    void betweenAddsUpOverConsecutiveIntervals(@ForAll("calendars") BusinessCalendar calendar,
                                               @ForAll("instants") Instant a,
                                               @ForAll("gaps") Duration toB, @ForAll("gaps") Duration toC) {
        var time = new WorkingTime(calendar);
        Instant b = a.plus(toB);
        Instant c = b.plus(toC);
        assertThat(time.between(a, c)).isEqualTo(time.between(a, b).plus(time.between(b, c)));
    }

    @Property(tries = 300)
    void workingTimeNeverExceedsTheTimeThatPassed(@ForAll("calendars") BusinessCalendar calendar,
                                                  @ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        assertThat(new WorkingTime(calendar).between(a, b))
                .isLessThanOrEqualTo(Duration.between(a, b).isNegative() ? Duration.ZERO : Duration.between(a, b));
    }

    @Property(tries = 300)
    void anInstantIsWorkingTimeExactlyWhenTheNanosecondFromItCounts(@ForAll("calendars") BusinessCalendar calendar,
                                                                    @ForAll("instants") Instant at) {
        var time = new WorkingTime(calendar);
        assertThat(time.isWorking(at)).isEqualTo(time.between(at, at.plusNanos(1)).isPositive());
        assertThat(time.isWorking(at)).isEqualTo(time.plus(at, Duration.ofNanos(1)).equals(at.plusNanos(1)));
    }

    /** The definition: working time is the union of each date's shifts, placed on the timeline by ZonedDateTime. */
    @Property(tries = 300)
    void anInstantIsWorkingTimeExactlyWhenAShiftOfItsDateOrTheDayBeforeCoversIt(
            @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant at) {
        ZoneId zone = calendar.zone();
        LocalDate date = LocalDate.ofInstant(at, zone);
        boolean covered = Stream.of(date.minusDays(1), date).anyMatch(day -> calendar.hoursOn(day).stream()
                .anyMatch(shift -> {
                    Instant start = day.atTime(shift.start()).atZone(zone).toInstant();
                    Instant end = shift.untilEndOfDay() ? day.plusDays(1).atStartOfDay(zone).toInstant()
                            : day.atTime(shift.end()).atZone(zone).toInstant();
                    return !at.isBefore(start) && at.isBefore(end);
                }));
        assertThat(new WorkingTime(calendar).isWorking(at)).isEqualTo(covered);
    }

    @Property(tries = 300)
    void onTheAlwaysOpenCalendarWorkingTimeIsElapsedTime(@ForAll("instants") Instant start,
                                                         @ForAll("durations") Duration working) {
        var time = new WorkingTime(BusinessCalendar.alwaysOpen());
        assertThat(time.plus(start, working)).isEqualTo(start.plus(working));
        assertThat(time.between(start, start.plus(working))).isEqualTo(working);
    }

    @Property(tries = 300)
    void aroundTheClockInAnyZoneWorkingTimeIsElapsedTimeEvenAcrossDaylightSaving(
            @ForAll("zones") ZoneId zone, @ForAll("instants") Instant start, @ForAll("durations") Duration working) {
        var allDay = new EnumMap<DayOfWeek, List<WorkingHours>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            allDay.put(day, List.of(WorkingHours.of("00:00", "00:00")));
        }
        var time = new WorkingTime(new BusinessCalendar("around-the-clock", "24×7", zone, allDay, Set.of(), Map.of()));
        assertThat(time.plus(start, working)).isEqualTo(start.plus(working));
        assertThat(time.between(start, start.plus(working))).isEqualTo(working);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<Map<DayOfWeek, List<WorkingHours>>> weeks = dayShifts().list().ofSize(7)
                .filter(days -> days.stream().anyMatch(shifts -> !shifts.isEmpty()))
                .map(WorkingTimePropertiesTest::week);
        Arbitrary<Set<LocalDate>> holidays = holidayRuns().list().ofMaxSize(8)
                .map(runs -> Set.copyOf(runs.stream().flatMap(Collection::stream).toList()));
        Arbitrary<Map<LocalDate, List<WorkingHours>>> extraDays = Arbitraries.maps(
                dates(), dayShifts().filter(shifts -> !shifts.isEmpty())).ofMaxSize(4);
        return Combinators.combine(zones(), weeks, holidays, extraDays).as((zone, week, holidayDates, extras) -> {
            // A date cannot be both; here the holiday keeps it.
            var extraWorkingDays = new HashMap<>(extras);
            extraWorkingDays.keySet().removeAll(holidayDates);
            return new BusinessCalendar("generated", "Generated", zone, week, holidayDates, extraWorkingDays);
        });
    }

    private static Map<DayOfWeek, List<WorkingHours>> week(List<List<WorkingHours>> days) {
        var week = new EnumMap<DayOfWeek, List<WorkingHours>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, days.get(day.ordinal()));
        }
        return week;
    }

    /** Up to three shifts between quarter-hour boundaries; 24:00 stands for the end of the day. */
    private Arbitrary<List<WorkingHours>> dayShifts() {
        return Arbitraries.integers().between(0, 96).set().ofMaxSize(6).map(quarters -> {
            List<Integer> sorted = quarters.stream().sorted().toList();
            var shifts = new ArrayList<WorkingHours>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                shifts.add(new WorkingHours(quarterHour(sorted.get(i)), quarterHour(sorted.get(i + 1))));
            }
            return shifts;
        });
    }

    private static LocalTime quarterHour(int quarter) {
        return LocalTime.MIDNIGHT.plusMinutes(15L * quarter);
    }

    /** One to five consecutive holidays, so that runs often touch or span a weekend. */
    private Arbitrary<Set<LocalDate>> holidayRuns() {
        return Combinators.combine(dates(), Arbitraries.integers().between(1, 5)).as((first, length) -> {
            var run = new HashSet<LocalDate>();
            Stream.iterate(first, date -> date.plusDays(1)).limit(length).forEach(run::add);
            return run;
        });
    }

    /** Dates in 2026–27, half of them moved to the next Friday, Saturday or Monday, next to a weekend. */
    private Arbitrary<LocalDate> dates() {
        Arbitrary<TemporalAdjuster> anchors = Arbitraries.of(List.<TemporalAdjuster>of(date -> date, date -> date,
                date -> date, TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY),
                TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY), TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)));
        return Combinators.combine(Arbitraries.integers().between(0, DATE_WINDOW_DAYS), anchors)
                .as((day, anchor) -> FIRST_DATE.plusDays(day).with(anchor));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anySecond = Arbitraries.longs().between(0, START_WINDOW_SECONDS).map(FIRST_START::plusSeconds);
        // Quarter hours hit shift boundaries and daylight-saving changes exactly.
        Arbitrary<Instant> quarterHours = Arbitraries.longs().between(0, START_WINDOW_SECONDS / 900)
                .map(quarter -> FIRST_START.plusSeconds(quarter * 900));
        Arbitrary<Instant> nearAClockChange = Combinators.combine(Arbitraries.of(CLOCK_CHANGES),
                        Arbitraries.longs().between(-4 * 24 * 3, 4 * 24))
                .as((change, quarters) -> change.plusSeconds(quarters * 900));
        return Arbitraries.oneOf(anySecond, quarterHours, nearAClockChange);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(Arbitraries.just(Duration.ZERO), positiveDurations());
    }

    @Provide
    Arbitrary<Duration> positiveDurations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, LONGEST.toSeconds()).map(Duration::ofSeconds),
                Arbitraries.longs().between(1, LONGEST.toMinutes() / 15).map(quarters -> Duration.ofMinutes(15 * quarters)));
    }

    @Provide
    Arbitrary<Duration> gaps() {
        return Arbitraries.longs().between(0, Duration.ofDays(20).toSeconds()).map(Duration::ofSeconds);
    }
}
