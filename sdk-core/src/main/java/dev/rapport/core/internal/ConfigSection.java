package dev.rapport.core.internal;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The SDK's own settings under one prefix (e.g. {@code rapport.status-links.}), read so that the host hears of every
 * malformed, out-of-range and unknown key at once, in one {@link PluginConfigException}, rather than of the first.
 * Not thread-safe: one per reading.
 */
public final class ConfigSection {
    private final PluginConfig view;
    private final List<String> problems = new ArrayList<>();

    private ConfigSection(PluginConfig view) {
        this.view = view;
    }

    /**
     * The keys of {@code config} that {@code belongs} takes, each without {@code prefix} (which ends in a dot), the
     * section named by the prefix without its dot.
     */
    public static ConfigSection of(String prefix, Map<String, String> config, Predicate<String> belongs) {
        var settings = new TreeMap<String, String>();
        config.forEach((key, value) -> {
            if (belongs.test(key)) {
                settings.put(key.substring(prefix.length()), value);
            }
        });
        return new ConfigSection(PluginConfig.of(prefix.substring(0, prefix.length() - 1), settings, Set.of()));
    }

    /** What {@code read} takes from the settings; {@code fallback}, its problem kept, when that throws. */
    public <T> T read(Function<PluginConfig, T> read, T fallback) {
        try {
            return read.apply(view);
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }

    /** The key's text, stripped; empty when absent or blank. */
    public Optional<String> optionalText(String key) {
        return read(v -> v.optionalString(key).map(String::strip).filter(s -> !s.isEmpty()), Optional.empty());
    }

    /** The key's duration, {@code fallback} when absent; a problem when it is not more than zero. */
    public Duration positiveDuration(String key, Duration fallback) {
        Duration value = read(v -> v.duration(key, fallback), fallback);
        if (!value.isPositive()) {
            problem(key + " must be more than zero");
        }
        return value;
    }

    /** The key's integer, {@code fallback} when absent; a problem when it is below {@code min}. */
    public int integerAtLeast(String key, int min, int fallback) {
        int value = read(v -> v.integer(key, fallback), fallback);
        if (value < min) {
            problem(key + " must be at least " + min);
        }
        return value;
    }

    /** Keeps a problem of the section's, e.g. {@code "base-url must be an http or https URL"}. */
    public void problem(String problem) {
        problems.add(view.instance() + ": " + problem);
    }

    /**
     * Ends the reading.
     *
     * @param knownKeysNote what the list of known keys in an unknown key's problem ends with (e.g. other keys that
     *                      belong elsewhere), or {@code ""}
     * @throws PluginConfigException naming every problem kept, and each key that was never read
     */
    public void finish(String knownKeysNote) {
        if (!view.unreadKeys().isEmpty()) {
            problems.add(view.instance() + ": unknown key(s) " + view.unreadKeys() + "; known keys: "
                    + view.readKeys() + knownKeysNote);
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigException(problems);
        }
    }
}
