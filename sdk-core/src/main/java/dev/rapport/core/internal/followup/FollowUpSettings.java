package dev.rapport.core.internal.followup;

import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The follow-up settings under {@value #PREFIX}, applied on top of the builder's {@link FollowUpPlan}: the days and
 * owners of the after-closure steps, the maintenance cadences, the renewal notice, the time allowed for service
 * recovery, the start of business, and how often the due-work scan runs.
 *
 * @param scanInterval  how often each node looks for follow-ups falling due; zero: only {@code Rapport.runDueWork()}
 * @param planningPause the pause between two pages of the daily care planning, so that it stays in the background of
 *                      what the database is doing
 * @param planningLease how long a node's claim on the day's care planning lasts without renewal (it renews it at
 *                      every page): how soon another node takes over from one that died
 */
public record FollowUpSettings(FollowUpPlan plan, Duration scanInterval, Duration planningPause,
                               Duration planningLease) {
    public static final String PREFIX = "rapport.follow-ups.";
    /** One minute: follow-ups are due by the day, so a minute late is on time. */
    public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofMinutes(1);
    /** A tenth of a second between two pages of the care planning. */
    public static final Duration DEFAULT_PLANNING_PAUSE = Duration.ofMillis(100);
    /** Two minutes: far longer than a page and its pause, short enough for a takeover to go unnoticed. */
    public static final Duration DEFAULT_PLANNING_LEASE = Duration.ofMinutes(2);
    private static final Pattern DAYS = Pattern.compile("(\\d+)\\s*d");

    /** The settings with the default pause between pages of the care planning. */
    public FollowUpSettings(FollowUpPlan plan, Duration scanInterval) {
        this(plan, scanInterval, DEFAULT_PLANNING_PAUSE, DEFAULT_PLANNING_LEASE);
    }

    /**
     * The settings among {@code config} (every key of the SDK; those under {@value #PREFIX} are read), on top of
     * {@code plan} and {@code scanInterval}.
     *
     * @throws PluginConfigException naming every malformed or unknown key
     */
    public static FollowUpSettings from(Map<String, String> config, FollowUpPlan plan, Duration scanInterval) {
        var settings = new TreeMap<String, String>();
        config.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                settings.put(key.substring(PREFIX.length()), value);
            }
        });
        var view = PluginConfig.of(PREFIX.substring(0, PREFIX.length() - 1), settings, Set.of());
        var problems = new ArrayList<String>();
        var result = new Object() {
            FollowUpPlan plan;
            Duration interval = scanInterval;
            Duration pause = DEFAULT_PLANNING_PAUSE;
            Duration lease = DEFAULT_PLANNING_LEASE;
        };
        result.plan = plan;
        for (var kind : FollowUpKind.values()) {
            if (kind.afterClosure()) {
                attempt(problems, () -> result.plan = step(view, result.plan, kind));
            }
        }
        for (var level : MaintenanceLevel.values()) {
            String key = "maintenance." + name(level);
            attempt(problems, () -> view.optionalString(key).map(v -> period(view, key, v))
                    .ifPresent(cadence -> result.plan = result.plan.withMaintenance(level, cadence)));
        }
        attempt(problems, () -> view.optionalString("renewal-notice").map(v -> period(view, "renewal-notice", v))
                .ifPresent(notice -> result.plan = result.plan.withRenewalNotice(notice)));
        attempt(problems, () -> view.optionalDuration("recovery-within")
                .ifPresent(within -> result.plan = result.plan.withRecoveryWithin(within)));
        attempt(problems, () -> view.optionalString("day-start").map(v -> time(view, v))
                .ifPresent(time -> result.plan = result.plan.withDayStart(time)));
        attempt(problems, () -> {
            result.interval = view.duration("scan-interval", scanInterval);
            if (result.interval.isNegative()) {
                throw new PluginConfigException(view.instance() + ": scan-interval must not be negative");
            }
        });
        attempt(problems, () -> {
            result.pause = view.duration("planning-pause", DEFAULT_PLANNING_PAUSE);
            if (result.pause.isNegative()) {
                throw new PluginConfigException(view.instance() + ": planning-pause must not be negative");
            }
        });
        attempt(problems, () -> {
            result.lease = view.duration("planning-lease", DEFAULT_PLANNING_LEASE);
            if (!result.lease.isPositive()) {
                throw new PluginConfigException(view.instance() + ": planning-lease must be positive");
            }
        });
        if (!view.unreadKeys().isEmpty()) {
            problems.add(view.instance() + ": unknown key(s) " + view.unreadKeys() + "; known keys: "
                    + view.readKeys());
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigException(problems);
        }
        return new FollowUpSettings(result.plan, result.interval, result.pause, result.lease);
    }

    /** {@code <step>.after} (days, or {@code none} to drop the step) and {@code <step>.owner}. */
    private static FollowUpPlan step(PluginConfig view, FollowUpPlan plan, FollowUpKind kind) {
        String after = name(kind) + ".after";
        String ownerKey = name(kind) + ".owner";
        var offset = view.optionalString(after).map(v -> period(view, after, v));
        var owner = view.optionalString(ownerKey).map(v -> owner(view, ownerKey, v));
        if (offset.isPresent() && offset.get().isEmpty()) {
            return plan.withoutStep(kind);
        }
        var current = plan.step(kind);
        if (offset.isEmpty() && owner.isPresent() && current.isEmpty()) {
            throw new PluginConfigException(view.instance() + ": " + ownerKey + " needs " + after
                    + ": the step is not planned");
        }
        if (offset.isEmpty() && owner.isEmpty()) {
            return plan;
        }
        var defaultOwner = kind == FollowUpKind.ACCOUNT_VISIT ? FollowUpPlan.Owner.ACCOUNT_MANAGER
                : FollowUpPlan.Owner.TICKET_HANDLER;
        return plan.withStep(new FollowUpPlan.Step(kind,
                offset.map(Optional::get).orElseGet(() -> current.orElseThrow().after()),
                owner.orElseGet(() -> current.map(FollowUpPlan.Step::owner).orElse(defaultOwner))));
    }

    /** {@code none}, a number of days ({@code 3d}) or an ISO-8601 period ({@code P3D}, {@code P1M}). */
    private static Optional<Period> period(PluginConfig view, String key, String value) {
        if (value.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        var days = DAYS.matcher(value);
        try {
            var period = days.matches() ? Period.ofDays(Integer.parseInt(days.group(1))) : Period.parse(value);
            if (period.isNegative()) {
                throw new PluginConfigException(view.instance() + ": " + key + " must not be negative");
            }
            return Optional.of(period);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new PluginConfigException(view.instance() + ": " + key
                    + " must be none, a number of days such as 3d, or a period such as P3D or P1M");
        }
    }

    private static FollowUpPlan.Owner owner(PluginConfig view, String key, String value) {
        try {
            return FollowUpPlan.Owner.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new PluginConfigException(view.instance() + ": " + key + " must be one of "
                    + List.of("ticket-handler", "account-manager", "supervisor"));
        }
    }

    private static LocalTime time(PluginConfig view, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new PluginConfigException(view.instance() + ": day-start must be a time of day such as 09:00");
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Runs one setting's step, collecting its problem instead of stopping at the first. */
    private static void attempt(List<String> problems, Runnable setting) {
        try {
            setting.run();
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
        } catch (IllegalArgumentException e) {
            problems.add(PREFIX.substring(0, PREFIX.length() - 1) + ": " + e.getMessage());
        }
    }
}
