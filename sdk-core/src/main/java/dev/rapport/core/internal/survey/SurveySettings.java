package dev.rapport.core.internal.survey;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The SDK-wide survey settings, the keys directly under {@value #PREFIX} (provider instances are
 * {@code rapport.surveys.<name>.<key>}, see {@link ConfiguredSurveyProviders}).
 *
 * @param validity   how long after the closing a survey takes an answer ({@code validity}, default 14 days)
 * @param provider   the instance that issues new surveys ({@code provider}); needed only when several are configured
 * @param rateLimit  how many public requests (form, answer) one client address may make per {@code rateWindow}
 *                   ({@code rate-limit}, default 20; {@code rate-window}, default 1 min)
 */
public record SurveySettings(Duration validity, Optional<String> provider, int rateLimit, Duration rateWindow) {
    public static final String PREFIX = "rapport.surveys.";
    static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);

    public SurveySettings {
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(rateWindow, "rateWindow");
    }

    /** 14 days, 20 requests a minute per address. */
    public static SurveySettings standard() {
        return new SurveySettings(DEFAULT_VALIDITY, Optional.empty(), 20, Duration.ofMinutes(1));
    }

    /** Whether {@code key} is one of these settings rather than a provider instance's. */
    static boolean isSetting(String key) {
        return key.startsWith(PREFIX) && key.indexOf('.', PREFIX.length()) < 0;
    }

    /**
     * The settings among {@code config} (every key of the SDK; those directly under {@value #PREFIX} are read).
     *
     * @throws PluginConfigException naming every malformed, out-of-range or unknown key
     */
    public static SurveySettings from(Map<String, String> config) {
        var settings = new TreeMap<String, String>();
        config.forEach((key, value) -> {
            if (isSetting(key)) {
                settings.put(key.substring(PREFIX.length()), value);
            }
        });
        var view = PluginConfig.of(PREFIX.substring(0, PREFIX.length() - 1), settings, Set.of());
        var problems = new ArrayList<String>();
        var defaults = standard();
        Duration validity = read(problems, () -> view.duration("validity", DEFAULT_VALIDITY), DEFAULT_VALIDITY);
        Optional<String> provider = read(problems, () -> view.optionalString("provider").map(String::strip),
                Optional.empty());
        int limit = read(problems, () -> view.integer("rate-limit", defaults.rateLimit()), defaults.rateLimit());
        Duration window = read(problems, () -> view.duration("rate-window", defaults.rateWindow()),
                defaults.rateWindow());
        if (!validity.isPositive()) {
            problems.add(view.instance() + ": validity must be more than zero");
        }
        if (limit < 1) {
            problems.add(view.instance() + ": rate-limit must be at least 1");
        }
        if (!window.isPositive()) {
            problems.add(view.instance() + ": rate-window must be more than zero");
        }
        if (!view.unreadKeys().isEmpty()) {
            problems.add(view.instance() + ": unknown key(s) " + view.unreadKeys() + "; known keys: "
                    + view.readKeys() + ", and <name>.type with a provider's keys for a provider instance");
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigException(problems);
        }
        return new SurveySettings(validity, provider, limit, window);
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
