package dev.rapport.core.internal.survey;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.core.internal.ConfigSection;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
        var section = ConfigSection.of(PREFIX, config, SurveySettings::isSetting);
        var defaults = standard();
        Duration validity = section.positiveDuration("validity", DEFAULT_VALIDITY);
        Optional<String> provider = section.read(view -> view.optionalString("provider").map(String::strip),
                Optional.empty());
        int limit = section.integerAtLeast("rate-limit", 1, defaults.rateLimit());
        Duration window = section.positiveDuration("rate-window", defaults.rateWindow());
        section.finish(", and <name>.type with a provider's keys for a provider instance");
        return new SurveySettings(validity, provider, limit, window);
    }
}
