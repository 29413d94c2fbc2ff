package dev.rapport.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MutableClockTest {
    @Test
    void standsStillUntilAdvanced() {
        var clock = MutableClock.at("2026-11-23T09:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        clock.advance(Duration.ofMinutes(25));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-23T09:25:00Z"));
    }

    @Test
    void aZonedCopySharesTheSameTime() {
        var clock = MutableClock.at("2026-11-23T09:00:00Z");
        var zoned = clock.withZone(java.time.ZoneId.of("Asia/Shanghai"));
        clock.advance(Duration.ofHours(1));
        assertThat(zoned.instant()).isEqualTo(clock.instant());
    }
}
