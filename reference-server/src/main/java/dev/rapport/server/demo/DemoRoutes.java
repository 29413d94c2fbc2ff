package dev.rapport.server.demo;

import dev.rapport.api.TimeLimits;
import dev.rapport.core.Rapport;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * {@code /api/v1/demo}, registered in demo mode only: {@code POST /clock/advance {duration}} moves the server's clock
 * forward, runs the work that became due (SLA warnings, breaches, escalations) and answers {@code {now}}.
 */
public final class DemoRoutes implements HttpService {
    private static final Duration LONGEST = TimeLimits.LONGEST_DURATION;

    private final Rapport rapport;
    private final Function<Duration, Instant> advance;
    private final Exchange http;

    /** @param advance moves the clock the SDK reads by the given duration and returns the new now */
    public DemoRoutes(Rapport rapport, Function<Duration, Instant> advance, Exchange http) {
        this.rapport = rapport;
        this.advance = advance;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/clock/advance", this::advance);
    }

    private record Advanced(Instant now, int slaAlarms) {
    }

    private void advance(ServerRequest req, ServerResponse res) {
        http.actor(req);
        var body = http.body(req);
        var duration = body.duration("duration");
        boolean outOfRange = duration != null && (duration.isNegative() || duration.isZero()
                || duration.compareTo(LONGEST) > 0);
        if (body.required("duration", duration) != null && outOfRange) {
            body.error("duration", "must be positive and at most " + LONGEST.toDays() + " days");
        }
        body.requireValid();
        Instant now = advance.apply(duration);
        http.ok(res, new Advanced(now, rapport.runDueWork()));
    }
}
