package dev.rapport.core.internal.event;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SDK-wide delivery settings under {@value #PREFIX}: how often each node looks for work other nodes committed
 * and retries that fell due, and the {@link DeliveryPolicy} of the in-process listeners, which is also every notifier's
 * default.
 *
 * @param policy       the listeners' delivery policy, and each notifier's unless it sets its own
 * @param closeTimeout how long closing waits for the events pending at that time to be delivered (zero: not at all)
 */
public record EventSettings(Duration pollInterval, DeliveryPolicy policy, Duration closeTimeout) {
    public static final String PREFIX = "rapport.events.";
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    public EventSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
    }

    /** Polls every second, with {@link DeliveryPolicy#DEFAULTS}; closing waits up to 10 seconds. */
    public static EventSettings standard() {
        return new EventSettings(DEFAULT_POLL_INTERVAL, DeliveryPolicy.DEFAULTS, DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * The settings among {@code config} (every key of the SDK; those under {@value #PREFIX} are read).
     *
     * @throws PluginConfigException naming every malformed, out-of-range or unknown key
     */
    public static EventSettings from(Map<String, String> config) {
        var settings = new TreeMap<String, String>();
        config.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                settings.put(key.substring(PREFIX.length()), value);
            }
        });
        var view = PluginConfig.of(PREFIX.substring(0, PREFIX.length() - 1), settings, Set.of());
        var problems = new ArrayList<String>();
        Duration poll = DEFAULT_POLL_INTERVAL;
        try {
            poll = view.duration("poll-interval", DEFAULT_POLL_INTERVAL);
            if (!poll.isPositive()) {
                problems.add(view.instance() + ": poll-interval must be more than zero");
            }
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
        }
        Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        try {
            closeTimeout = view.duration("close-timeout", DEFAULT_CLOSE_TIMEOUT);
            if (closeTimeout.isNegative()) {
                problems.add(view.instance() + ": close-timeout must not be negative");
            }
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
        }
        DeliveryPolicy policy = DeliveryPolicy.DEFAULTS;
        try {
            policy = DeliveryPolicy.from(view, DeliveryPolicy.DEFAULTS);
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
        }
        if (!view.unreadKeys().isEmpty()) {
            problems.add(view.instance() + ": unknown key(s) " + view.unreadKeys() + "; known keys: "
                    + view.readKeys());
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigException(problems);
        }
        return new EventSettings(poll, policy, closeTimeout);
    }
}
