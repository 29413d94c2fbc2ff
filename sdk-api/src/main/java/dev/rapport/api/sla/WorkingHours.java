package dev.rapport.api.sla;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One shift of a working day, from {@code start} (inclusive) to {@code end} (exclusive), in the wall-clock time of
 * the calendar's zone. An {@code end} of {@link LocalTime#MIDNIGHT} means "until the end of the day", so
 * {@code 00:00–00:00} is a whole day; otherwise {@code start} must be before {@code end}: a shift never runs past
 * midnight (a night shift is two shifts on two days).
 *
 * @param start when the shift begins
 * @param end   when it ends, or {@code 00:00} for the end of the day
 * @throws IllegalArgumentException if the shift is empty or ends before it starts
 * @throws NullPointerException     if either time is null
 */
public record WorkingHours(LocalTime start, LocalTime end) {
    public WorkingHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!untilEndOfDay(end) && !start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end (00:00 ends the day): "
                    + start + "–" + end);
        }
    }

    /** {@code WorkingHours.of("09:00", "18:00")}; {@code "00:00"} as the end means the end of the day. */
    public static WorkingHours of(String start, String end) {
        return new WorkingHours(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** Whether the shift lasts until the end of the day, i.e. {@code end} is 00:00. */
    public boolean untilEndOfDay() {
        return untilEndOfDay(end);
    }

    private static boolean untilEndOfDay(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public String toString() {
        return start + "–" + (untilEndOfDay() ? "24:00" : end);
    }
}
