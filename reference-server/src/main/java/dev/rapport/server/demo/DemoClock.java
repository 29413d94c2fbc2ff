package dev.rapport.server.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The demo server's clock: real time plus however far the demo has moved it forward. Thread-safe. */
public final class DemoClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    public DemoClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock forward by {@code duration}; returns the new now. */
    public Instant advance(Duration duration) {
        ahead.accumulateAndGet(duration, Duration::plus);
        return instant();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        var moved = new DemoClock(base.withZone(zone));
        moved.ahead.set(ahead.get());
        return moved;
    }
}
