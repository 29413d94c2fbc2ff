package dev.rapport.core.internal.event;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.notify.Delivery;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private final DeliveryPolicy policy = new DeliveryPolicy(Duration.ofSeconds(10), 4, Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    @Test
    void theBackOffDoublesFromTheBaseUpToTheCapAndJitterDropsUpToHalf() {
        assertThat(policy.backoff(1, Duration.ZERO, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(1, Duration.ZERO, 0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.backoff(2, Duration.ZERO, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(3, Duration.ZERO, 1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoff(5, Duration.ZERO, 1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoff(500, Duration.ZERO, 0.5)).isEqualTo(Duration.ofMillis(225_000));
    }

    @Test
    void whatTheNotifierAskedForIsAMinimum() {
        assertThat(policy.backoff(1, Duration.ofHours(2), 1)).isEqualTo(Duration.ofHours(2));
        assertThat(policy.backoff(1, Duration.ofSeconds(-5), 1)).isEqualTo(Duration.ofSeconds(30));
    }

    @Property
    void theBackOffNeverShrinksWithMoreFailuresAndStaysWithinTheCap(@ForAll @IntRange(min = 1, max = 200) int failed,
                                                                  @ForAll @DoubleRange(min = 0, max = 1) double jitter) {
        var now = policy.backoff(failed, Duration.ZERO, 1);
        var next = policy.backoff(failed + 1, Duration.ZERO, 1);
        var jittered = policy.backoff(failed, Duration.ZERO, jitter);

        assertThat(next).isGreaterThanOrEqualTo(now);
        assertThat(jittered).isBetween(now.dividedBy(2), now);
        assertThat(jittered).isLessThanOrEqualTo(policy.backoffCap());
    }

    @Test
    void aDeliveredOutcomeIsDoneAndARetryIsScheduledUntilTheAttemptsAreUsedUp() {
        assertThat(Verdict.of(new Delivery.Delivered(Optional.of("id-1")), 1, NOW, policy, 1, String::strip))
                .isEqualTo(new Verdict.Done(Optional.of("id-1")));
        assertThat(Verdict.of(new Delivery.RetryLater(Duration.ZERO, " 503 "), 3, NOW, policy, 1, String::strip))
                .isEqualTo(new Verdict.Again(NOW.plus(Duration.ofMinutes(2)), "503"));
        assertThat(Verdict.of(new Delivery.RetryLater(Duration.ZERO, "503"), 4, NOW, policy, 1, String::strip))
                .isEqualTo(new Verdict.Dead("gave up after 4 attempt(s), the last: 503"));
        assertThat(Verdict.of(new Delivery.Rejected("410 Gone"), 1, NOW, policy, 1, String::strip))
                .isEqualTo(new Verdict.Dead("rejected: 410 Gone"));
    }

    @Test
    void aPolicyIsReadFromFlatKeysWithDefaultsAndEveryBadKeyNamed() {
        var read = DeliveryPolicy.from(PluginConfig.of("ops", Map.of("timeout", "2s", "max-attempts", "3"), Set.of()),
                policy);

        assertThat(read).isEqualTo(new DeliveryPolicy(Duration.ofSeconds(2), 3, Duration.ofSeconds(30),
                Duration.ofMinutes(5)));
        assertThatThrownBy(() -> DeliveryPolicy.from(PluginConfig.of("ops", Map.of("timeout", "soon",
                "max-attempts", "0", "backoff-base", "1h"), Set.of()), policy))
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "ops: timeout must be a duration such as PT30S, 500ms, 30s, 5m, 2h or 1d",
                        "ops: max-attempts must be at least 1",
                        "ops: backoff-cap must be at least backoff-base"));
    }
}
