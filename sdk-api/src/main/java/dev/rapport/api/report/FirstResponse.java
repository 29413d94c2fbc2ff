package dev.rapport.api.report;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How soon tickets got their first customer-visible response, in business time of each ticket's SLA calendar.
 *
 * @param median       the middle response time (the mean of the two middle ones for an even count); empty without
 *                     responses
 * @param p90          the 90th percentile, interpolated between the two nearest response times
 * @param withinTarget the responses given by the ticket's first-response deadline, out of all
 */
public record FirstResponse(Optional<Duration> median, Optional<Duration> p90, Rate withinTarget) {
    /** No responses. */
    public static final FirstResponse NONE = new FirstResponse(Optional.empty(), Optional.empty(), Rate.NONE);

    public FirstResponse {
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(withinTarget, "withinTarget");
    }
}
