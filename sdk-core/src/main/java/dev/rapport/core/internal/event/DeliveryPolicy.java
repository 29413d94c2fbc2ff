package dev.rapport.core.internal.event;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.notify.NotifierFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How one subscriber is delivered to: each call is time-boxed to {@code timeout}; a failed attempt is retried after an
 * exponential back-off from {@code backoffBase} up to {@code backoffCap}, with jitter; after {@code maxAttempts} the
 * event is dead-lettered.
 */
public record DeliveryPolicy(Duration timeout, int maxAttempts, Duration backoffBase, Duration backoffCap) {
    /** The settings a policy is read from, under {@code rapport.events.} or {@code rapport.notifiers.<name>.}. */
    public static final Set<String> KEYS = NotifierFactory.SDK_KEYS;
    /** 10 s per call, 8 attempts, back-off from 30 s doubling up to 1 h: about an hour of retries. */
    public static final DeliveryPolicy DEFAULTS = new DeliveryPolicy(Duration.ofSeconds(10), 8, Duration.ofSeconds(30),
            Duration.ofHours(1));

    public DeliveryPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        if (!timeout.isPositive() || maxAttempts < 1 || !backoffBase.isPositive() || backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("timeout and back-off must be positive, the cap at least the base, "
                    + "and attempts at least 1");
        }
    }

    /**
     * The policy {@code config} sets, each key defaulting to {@code defaults}.
     *
     * @throws PluginConfigException naming every malformed or out-of-range key
     */
    public static DeliveryPolicy from(PluginConfig config, DeliveryPolicy defaults) {
        var problems = new ArrayList<String>();
        var timeout = read(problems, () -> config.duration("timeout", defaults.timeout()), defaults.timeout());
        int attempts = read(problems, () -> config.integer("max-attempts", defaults.maxAttempts()), defaults.maxAttempts());
        var base = read(problems, () -> config.duration("backoff-base", defaults.backoffBase()), defaults.backoffBase());
        var cap = read(problems, () -> config.duration("backoff-cap", defaults.backoffCap()), defaults.backoffCap());
        String instance = config.instance() + ": ";
        if (!timeout.isPositive()) {
            problems.add(instance + "timeout must be more than zero");
        }
        if (attempts < 1) {
            problems.add(instance + "max-attempts must be at least 1");
        }
        if (!base.isPositive()) {
            problems.add(instance + "backoff-base must be more than zero");
        }
        if (cap.compareTo(base) < 0) {
            problems.add(instance + "backoff-cap must be at least backoff-base");
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigException(problems);
        }
        return new DeliveryPolicy(timeout, attempts, base, cap);
    }

    /**
     * How long to wait after the {@code failedAttempts}-th failed attempt: {@code backoffBase × 2^(failedAttempts-1)},
     * at most {@code backoffCap}, of which up to half is dropped at random ("equal jitter": {@code jitter} from 0 to 1
     * keeps that much of the half), so nodes and subscribers that failed together do not retry together; never less
     * than {@code atLeast}, what the notifier asked for.
     */
    public Duration backoff(int failedAttempts, Duration atLeast, double jitter) {
        if (failedAttempts < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("failedAttempts " + failedAttempts + ", jitter " + jitter);
        }
        int doublings = Math.min(failedAttempts - 1, 62);
        long capMillis = backoffCap.toMillis();
        long exponential = backoffBase.toMillis() > capMillis >> doublings ? capMillis
                : backoffBase.toMillis() << doublings;
        long half = exponential / 2;
        var delay = Duration.ofMillis(exponential - half + Math.round(half * jitter));
        return delay.compareTo(atLeast) >= 0 ? delay : atLeast;
    }

    private static <T> T read(List<String> problems, Supplier<T> value, T fallback) {
        try {
            return value.get();
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }
}
