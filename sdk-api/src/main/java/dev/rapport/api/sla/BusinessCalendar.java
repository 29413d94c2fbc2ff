package dev.rapport.api.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * When SLA clocks run: weekly working hours in one time zone, with holidays and extra working days. Clocks stop
 * outside working time.
 *
 * <p>A date's hours are resolved in this order: a holiday has none; an extra working day has its own hours (for
 * make-up days such as China's working Saturdays); any other date has its weekday's hours. A date cannot be both a
 * holiday and an extra working day. Shifts are wall-clock times in {@code zone}, so on a daylight-saving change a
 * shift across the change is an hour (or half an hour) shorter or longer in real time.
 *
 * <p>Immutable: the collections are unmodifiable copies, dates and days in order and each day's shifts sorted by
 * start.
 *
 * @param id               a permanent kebab-case id such as {@code business-hours}
 * @param name             the display name
 * @param zone             the zone the hours are in
 * @param week             the shifts of each weekday, several per day allowed (split shifts), none overlapping; a
 *                         weekday that is missing or has no shifts is a day off. The week must have some working
 *                         time, or no deadline could ever be reached.
 * @param holidays         dates without work, whatever the week says
 * @param extraWorkingDays dates that work with the given (non-empty) shifts, whatever the week says
 * @throws IllegalArgumentException if the id is not kebab-case, the name is blank, shifts of a day overlap, the
 *                                  week has no working time, an extra working day has no shifts or is also a holiday
 * @throws NullPointerException     if any argument or element is null
 */
public record BusinessCalendar(String id, String name, ZoneId zone, Map<DayOfWeek, List<WorkingHours>> week,
                               Set<LocalDate> holidays, Map<LocalDate, List<WorkingHours>> extraWorkingDays) {
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public BusinessCalendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        if (!KEBAB_CASE.matcher(id).matches()) {
            throw new IllegalArgumentException("calendar id must be kebab-case (a-z, 0-9, '-'): '" + id + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("calendar " + id + " needs a name");
        }
        week = sortedShifts(week, id);
        holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
        extraWorkingDays = sortedShifts(extraWorkingDays, id);
        if (week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("calendar " + id + " has no working time in its week");
        }
        for (var extra : extraWorkingDays.entrySet()) {
            if (extra.getValue().isEmpty()) {
                throw new IllegalArgumentException("calendar " + id + ": extra working day " + extra.getKey()
                        + " has no working hours (a day off is a holiday)");
            }
            if (holidays.contains(extra.getKey())) {
                throw new IllegalArgumentException("calendar " + id + ": " + extra.getKey()
                        + " is both a holiday and an extra working day");
            }
        }
    }

    /**
     * 24×7 in Asia/Shanghai: every day from 00:00 to the end of the day, no holidays. For P1 tickets (SPEC §5).
     */
    public static BusinessCalendar alwaysOpen() {
        return new BusinessCalendar("24x7", "24×7", SHANGHAI, weekOf(EnumSet.allOf(DayOfWeek.class),
                WorkingHours.of("00:00", "00:00")), Set.of(), Map.of());
    }

    /** Business hours in Asia/Shanghai: Monday to Friday 09:00–18:00, no holidays (SPEC §5's default). */
    public static BusinessCalendar standard() {
        return new BusinessCalendar("business-hours", "Business hours", SHANGHAI,
                weekOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), WorkingHours.of("09:00", "18:00")),
                Set.of(), Map.of());
    }

    /**
     * The shifts of {@code date}, sorted by start: none on a holiday, its own on an extra working day, else its
     * weekday's.
     */
    public List<WorkingHours> hoursOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        var extra = extraWorkingDays.get(date);
        return extra != null ? extra : week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    private static Map<DayOfWeek, List<WorkingHours>> weekOf(Set<DayOfWeek> days, WorkingHours shift) {
        var week = new EnumMap<DayOfWeek, List<WorkingHours>>(DayOfWeek.class);
        days.forEach(day -> week.put(day, List.of(shift)));
        return week;
    }

    /** An unmodifiable copy in day order, each day's shifts sorted by start; refuses overlapping shifts. */
    private static <K extends Comparable<? super K>> Map<K, List<WorkingHours>> sortedShifts(
            Map<K, List<WorkingHours>> days, String id) {
        var copy = new TreeMap<K, List<WorkingHours>>();
        days.forEach((day, shifts) -> copy.put(day, sortedShifts(shifts, id + " on " + day)));
        return Collections.unmodifiableMap(copy);
    }

    private static List<WorkingHours> sortedShifts(List<WorkingHours> shifts, String where) {
        var sorted = new ArrayList<>(shifts);
        sorted.sort(Comparator.comparing(WorkingHours::start));
        for (int i = 1; i < sorted.size(); i++) {
            WorkingHours before = sorted.get(i - 1);
            WorkingHours after = sorted.get(i);
            if (before.untilEndOfDay() || before.end().isAfter(after.start())) {
                throw new IllegalArgumentException("calendar " + where + ": shifts " + before + " and " + after
                        + " overlap");
            }
        }
        return List.copyOf(sorted);
    }
}
