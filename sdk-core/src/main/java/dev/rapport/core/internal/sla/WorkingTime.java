package dev.rapport.core.internal.sla;

import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.WorkingHours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Working-time arithmetic on a {@link BusinessCalendar}: deadlines that count only working time, and the working
 * time between two instants.
 *
 * <p>Each date's shifts become instants through {@link java.time.ZonedDateTime} in the calendar's zone, so a
 * daylight-saving day is 23 or 25 hours long and a shift across the change is shorter or longer; working time is
 * the union of those intervals. Work is done a whole day at a time, so the cost grows with the days spanned, not
 * the minutes. Immutable and thread-safe.
 */
public final class WorkingTime {
    /** How far {@link #plus} searches before giving up on a calendar (say, one made of holidays). */
    private static final int SEARCH_DAYS = 20 * 366;

    private final BusinessCalendar calendar;
    private final ZoneId zone;

    public WorkingTime(BusinessCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = calendar.zone();
    }

    /**
     * The earliest instant by which {@code working} of working time has passed since {@code start}; counting begins
     * at the next shift when {@code start} is outside working time. Zero gives {@code start} back.
     *
     * @throws IllegalArgumentException if {@code working} is negative
     * @throws IllegalStateException    if the calendar does not have that much working time within 20 years
     */
    public Instant plus(Instant start, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + working);
        }
        if (working.isZero()) {
            return start;
        }
        var spans = new Spans(start);
        Duration left = working;
        for (int day = 0; day <= SEARCH_DAYS; day++) {
            for (Span span : spans.nextDay()) {
                Duration length = span.length();
                if (left.compareTo(length) <= 0) {
                    return span.start().plus(left);
                }
                left = left.minus(length);
            }
        }
        throw new IllegalStateException("calendar " + calendar.id() + " has less than " + working
                + " of working time in the 20 years after " + start);
    }

    /** The working time within {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!from.isBefore(to)) {
            return total;
        }
        var spans = new Spans(from);
        LocalDate lastDay = dateOf(to);
        while (!spans.day().isAfter(lastDay)) {
            for (Span span : spans.nextDay()) {
                if (!span.start().isBefore(to)) {
                    return total;
                }
                total = total.plus(Duration.between(span.start(), earlier(span.end(), to)));
            }
        }
        return total;
    }

    /** Whether {@code at} is working time (a shift includes its start and excludes its end). */
    public boolean isWorking(Instant at) {
        var spans = new Spans(at);
        // The day before and the day of: spans are cut to begin no earlier than at, so one containing it begins at it.
        for (int day = 0; day < 2; day++) {
            for (Span span : spans.nextDay()) {
                if (span.start().equals(at)) {
                    return true;
                }
            }
        }
        return false;
    }

    private LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The working intervals of one date, as instants, sorted by start. */
    private List<Span> shiftsOn(LocalDate date) {
        var spans = new ArrayList<Span>();
        for (WorkingHours shift : calendar.hoursOn(date)) {
            Instant start = date.atTime(shift.start()).atZone(zone).toInstant();
            Instant end = shift.untilEndOfDay() ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : date.atTime(shift.end()).atZone(zone).toInstant();
            spans.add(new Span(start, end));
        }
        // A time inside a daylight-saving gap moves forward by the gap's length, which can reorder or overlap shifts.
        spans.sort(Comparator.comparing(Span::start));
        return spans;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Span(Instant start, Instant end) {
        Duration length() {
            return Duration.between(start, end);
        }
    }

    /**
     * Walks the working spans from an instant on, a day at a time: disjoint, in order, none beginning before that
     * instant. It starts the day before, whose last shift a daylight-saving gap near midnight can push into the
     * next day.
     */
    private final class Spans {
        private LocalDate day;
        private Instant cursor;

        Spans(Instant from) {
            day = dateOf(from).minusDays(1);
            cursor = from;
        }

        LocalDate day() {
            return day;
        }

        List<Span> nextDay() {
            var spans = new ArrayList<Span>();
            for (Span shift : shiftsOn(day)) {
                // Cutting each span at the end of the previous ones makes them a union: nothing is counted twice.
                Instant start = later(shift.start(), cursor);
                Instant end = later(shift.end(), start);
                if (start.isBefore(end)) {
                    spans.add(new Span(start, end));
                    cursor = end;
                }
            }
            day = day.plusDays(1);
            return spans;
        }
    }
}
