package dev.rapport.api;

import dev.rapport.api.error.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The dates, instants and durations Rapport accepts in any command or query: dates and instants in the years
 * {@value #EARLIEST_YEAR} through {@value #LATEST_YEAR} (instants counted in UTC), durations from zero up to
 * {@link #LONGEST_DURATION} (366 days). Every storage keeps such values exactly (PostgreSQL refuses years past
 * 294276, H2 has limits of its own, and deadlines computed from them must stay storable too), so a value outside is
 * refused up front with a {@link dev.rapport.api.error.ValidationException} naming the field (HTTP 422), before
 * anything is stored. A command's own rules (a date in the future, a positive duration) narrow this further.
 *
 * <p>The checks are pure functions of their arguments; the class is stateless and thread-safe.
 */
public final class TimeLimits {
    /** The first year of a date or instant Rapport accepts. */
    public static final int EARLIEST_YEAR = 1900;
    /** The last year of a date or instant Rapport accepts. */
    public static final int LATEST_YEAR = 9999;
    /** The earliest date accepted: {@code 1900-01-01}. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(EARLIEST_YEAR, 1, 1);
    /** The latest date accepted: {@code 9999-12-31}. */
    public static final LocalDate LATEST_DATE = LocalDate.of(LATEST_YEAR, 12, 31);
    /** The earliest instant accepted: {@code 1900-01-01T00:00:00Z}. */
    public static final Instant EARLIEST_INSTANT = EARLIEST_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
    /** The latest instant accepted: the last nanosecond of {@code 9999-12-31} in UTC. */
    public static final Instant LATEST_INSTANT = LATEST_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
            .minusNanos(1);
    /** The longest duration accepted (an SLA target, a clock advance): 366 days, {@code PT8784H}. */
    public static final Duration LONGEST_DURATION = Duration.ofDays(366);

    private static final String YEARS = "between " + EARLIEST_YEAR + " and " + LATEST_YEAR;

    private TimeLimits() {
    }

    /** Whether {@code date} lies within the accepted years; false for null. */
    public static boolean accepts(LocalDate date) {
        return date != null && !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** Whether {@code instant} lies within the accepted years in UTC; false for null. */
    public static boolean accepts(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }

    /** Whether {@code month} lies within the accepted years; false for null. */
    public static boolean accepts(YearMonth month) {
        return month != null && month.getYear() >= EARLIEST_YEAR && month.getYear() <= LATEST_YEAR;
    }

    /** Whether {@code duration} is neither negative nor longer than {@link #LONGEST_DURATION}; false for null. */
    public static boolean accepts(Duration duration) {
        return duration != null && !duration.isNegative() && duration.compareTo(LONGEST_DURATION) <= 0;
    }

    /** The error of {@code field} when {@code date} is outside the accepted years; empty for null or a good one. */
    public static Optional<FieldError> check(String field, LocalDate date) {
        return date == null || accepts(date) ? Optional.empty()
                : Optional.of(FieldError.of(field, "must be a date " + YEARS));
    }

    /** The error of {@code field} when {@code instant} is outside the accepted years; empty for null or a good one. */
    public static Optional<FieldError> check(String field, Instant instant) {
        return instant == null || accepts(instant) ? Optional.empty()
                : Optional.of(FieldError.of(field, "must be an instant " + YEARS + " (UTC)"));
    }

    /** The error of {@code field} when {@code month} is outside the accepted years; empty for null or a good one. */
    public static Optional<FieldError> check(String field, YearMonth month) {
        return month == null || accepts(month) ? Optional.empty()
                : Optional.of(FieldError.of(field, "must be a month " + YEARS));
    }

    /** The error of {@code field} when {@code duration} is negative or too long; empty for null or a good one. */
    public static Optional<FieldError> check(String field, Duration duration) {
        return duration == null || accepts(duration) ? Optional.empty()
                : Optional.of(FieldError.of(field, "must be a duration from PT0S to " + LONGEST_DURATION.toDays()
                        + " days (" + LONGEST_DURATION + ")"));
    }
}
