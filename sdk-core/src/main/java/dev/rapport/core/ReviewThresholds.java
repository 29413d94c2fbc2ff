package dev.rapport.core;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.ticket.Priority;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the monthly review draws the line for a weak point (SPEC §7): the SLA compliance each priority must reach, and
 * the average every survey dimension must reach. Configured under {@value #PREFIX}: {@code sla-target} for every
 * priority, {@code sla-target.P1} … for one, {@code survey-threshold}.
 *
 * @param slaTarget       per priority, a share between 0 and 1; every priority is present
 * @param surveyThreshold the lowest acceptable average of a 1–5 survey dimension
 */
public record ReviewThresholds(Map<Priority, Double> slaTarget, double surveyThreshold) {
    public static final String PREFIX = "rapport.reports.";
    /** 95 % of tickets within their SLA, for every priority. */
    public static final double DEFAULT_SLA_TARGET = 0.95;
    /** SPEC §7: a dimension averaging below 3. */
    public static final double DEFAULT_SURVEY_THRESHOLD = 3.0;

    public ReviewThresholds {
        var all = new EnumMap<Priority, Double>(Priority.class);
        for (Priority priority : Priority.values()) {
            double target = slaTarget.getOrDefault(priority, DEFAULT_SLA_TARGET);
            if (!(target >= 0 && target <= 1)) {
                throw new IllegalArgumentException("the SLA target of " + priority + " must be between 0 and 1");
            }
            all.put(priority, target);
        }
        slaTarget = Collections.unmodifiableMap(all);
        if (!(surveyThreshold >= 1 && surveyThreshold <= 5)) {
            throw new IllegalArgumentException("the survey threshold must be between 1 and 5");
        }
    }

    /** {@value #DEFAULT_SLA_TARGET} for every priority, {@value #DEFAULT_SURVEY_THRESHOLD} for every dimension. */
    public static ReviewThresholds standard() {
        return new ReviewThresholds(Map.of(), DEFAULT_SURVEY_THRESHOLD);
    }

    /**
     * The thresholds among {@code config} (every key of the SDK; those under {@value #PREFIX} are read).
     *
     * @throws PluginConfigException naming every malformed, out-of-range or unknown key
     */
    public static ReviewThresholds from(Map<String, String> config) {
        var settings = new TreeMap<String, String>();
        config.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                settings.put(key.substring(PREFIX.length()), value);
            }
        });
        var view = PluginConfig.of(PREFIX.substring(0, PREFIX.length() - 1), settings, Set.of());
        var problems = new ArrayList<String>();
        var targets = new EnumMap<Priority, Double>(Priority.class);
        double all = number(view, "sla-target", DEFAULT_SLA_TARGET, 0, 1, "a share such as 0.95", problems);
        for (Priority priority : Priority.values()) {
            targets.put(priority, number(view, "sla-target." + priority, all, 0, 1, "a share such as 0.95",
                    problems));
        }
        double survey = number(view, "survey-threshold", DEFAULT_SURVEY_THRESHOLD, 1, 5, "a score such as 3.5",
                problems);
        if (!view.unreadKeys().isEmpty()) {
            problems.add(view.instance() + ": unknown key(s) " + view.unreadKeys() + "; known keys: "
                    + view.readKeys());
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigException(problems);
        }
        return new ReviewThresholds(targets, survey);
    }

    private static double number(PluginConfig view, String key, double fallback, double min, double max,
                                 String example, ArrayList<String> problems) {
        var value = view.optionalString(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(view.instance() + ": " + key + " must be between " + min + " and " + max + ", " + example);
        return fallback;
    }
}
