package dev.rapport.api.report;

import dev.rapport.api.TimeLimits;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The calendar days a report covers, both ends included, counted in the SDK's zone.
 *
 * @throws ValidationException naming {@code from} or {@code to} when outside {@link TimeLimits}, {@code to} when it
 *                             lies before {@code from}, or the period spans more than {@value #MAX_DAYS} days
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
    /** The longest period a report covers: a little over five years. */
    public static final int MAX_DAYS = 1900;

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        var outside = Stream.of(TimeLimits.check("from", from), TimeLimits.check("to", to))
                .flatMap(Optional::stream).toList();
        if (!outside.isEmpty()) {
            throw new ValidationException(outside);
        }
        if (to.isBefore(from)) {
            throw new ValidationException(FieldError.of("to", "must not be before from (" + from + ")"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ValidationException(FieldError.of("to", "must be less than " + MAX_DAYS + " days after from"));
        }
    }

    /** Every day of {@code month}. */
    public static ReportPeriod of(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    /** The day after the last one: where the period ends, exclusive. */
    public LocalDate endExclusive() {
        return to.plusDays(1);
    }
}
