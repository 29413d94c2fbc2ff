package dev.rapport.core.internal.improvement;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * When tickets of one type and tag suggest an improvement (SPEC §6): at least {@code threshold} distinct customers
 * within {@code window}. Configured under {@value #PREFIX}.
 *
 * @param threshold at least 2
 * @param window    more than zero
 */
public record SuggestionSettings(int threshold, Duration window) {
    public static final String PREFIX = "rapport.improvements.";
    public static final int DEFAULT_THRESHOLD = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    /** @throws IllegalArgumentException for a threshold below 2 or a window that is not positive */
    public SuggestionSettings {
        Objects.requireNonNull(window, "window");
        if (threshold < 2) {
            throw new IllegalArgumentException("threshold must be at least 2 customers, not " + threshold);
        }
        if (!window.isPositive()) {
            throw new IllegalArgumentException("window must be more than zero, not " + window);
        }
    }

    /** SPEC §6: three customers within 30 days. */
    public static SuggestionSettings standard() {
        return new SuggestionSettings(DEFAULT_THRESHOLD, DEFAULT_WINDOW);
    }

    /**
     * The settings among {@code config} (every key of the SDK; those under {@value #PREFIX} are read), each key
     * defaulting to {@code defaults}'.
     *
     * @throws PluginConfigException naming every malformed, out-of-range or unknown key
     */
    public static SuggestionSettings from(Map<String, String> config, SuggestionSettings defaults) {
        var settings = new TreeMap<String, String>();
        config.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                settings.put(key.substring(PREFIX.length()), value);
            }
        });
        var view = PluginConfig.of(PREFIX.substring(0, PREFIX.length() - 1), settings, Set.of());
        var problems = new ArrayList<String>();
        int threshold = defaults.threshold();
        try {
            threshold = view.integer("suggestion-threshold", defaults.threshold());
            if (threshold < 2) {
                problems.add(view.instance() + ": suggestion-threshold must be at least 2");
            }
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
        }
        Duration window = defaults.window();
        try {
            window = view.duration("suggestion-window", defaults.window());
            if (!window.isPositive()) {
                problems.add(view.instance() + ": suggestion-window must be more than zero");
            }
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
        return new SuggestionSettings(threshold, window);
    }
}
