package dev.rapport.core.report;

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
 * Where the monthly review draws the line for a weak point (SPEC §7): the SLA compliance each priority must reach.
 * Configured under {@value #PREFIX}: {@code sla-target} for every priority, {@code sla-target.P1} … for one.
 *
 * @param slaTarget per priority, a share between 0 and 1; every priority is present
 */
public record ReviewThresholds(Map<Priority, Double> slaTarget) {
    public static final String PREFIX = "rapport.reports.";
    /** 95 % of tickets within their SLA, for every priority. */
    public static final double DEFAULT_SLA_TARGET = 0.95;

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
    }

    /** {@value #DEFAULT_SLA_TARGET} for every priority. */
    public static ReviewThresholds standard() {
        return new ReviewThresholds(Map.of());
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
        double all = share(view, "sla-target", DEFAULT_SLA_TARGET, problems);
        for (Priority priority : Priority.values()) {
            targets.put(priority, share(view, "sla-target." + priority, all, problems));
        }
        if (!view.unreadKeys().isEmpty()) {
            problems.add(view.instance() + ": unknown key(s) " + view.unreadKeys() + "; known keys: "
                    + view.readKeys());
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigException(problems);
        }
        return new ReviewThresholds(targets);
    }

    private static double share(PluginConfig view, String key, double fallback, ArrayList<String> problems) {
        var value = view.optionalString(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double share = Double.parseDouble(value.get());
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(view.instance() + ": " + key + " must be a share between 0 and 1, such as 0.95");
        return fallback;
    }
}
