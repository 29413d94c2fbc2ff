package dev.rapport.core.internal.sla;

import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.SlaPolicy;
import dev.rapport.api.sla.SlaSettings;
import dev.rapport.api.sla.SlaTargets;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Priority;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.ShortCache;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SLA policy and calendars in the database, with the rules in force cached for a short while: every ticket
 * change needs them and they change rarely (see {@link ShortCache}).
 */
public final class SlaSettingsService implements SlaSettings {
    private final Transactions transactions;
    private final Clock clock;
    private final SlaPolicy initialPolicy;
    private final ShortCache<SlaRules> inForce = new ShortCache<>(ShortCache.DEFAULT_AGE);

    /** @param initialPolicy the policy a database without one starts with (the host's, or SPEC's defaults) */
    public SlaSettingsService(Transactions transactions, Clock clock, SlaPolicy initialPolicy) {
        this.transactions = transactions;
        this.clock = clock;
        this.initialPolicy = initialPolicy;
    }

    /** Stores the default calendars and the initial policy unless the database has them. */
    public void seed(Transaction tx) {
        tx.slaSettings().saveCalendarIfAbsent(BusinessCalendar.alwaysOpen());
        tx.slaSettings().saveCalendarIfAbsent(BusinessCalendar.standard());
        if (tx.slaSettings().policy().isEmpty()) {
            tx.slaSettings().savePolicy(initialPolicy);
        }
    }

    /** The rules in force, as read at most {@link ShortCache#DEFAULT_AGE} ago. */
    public SlaRules rules(Transaction tx) {
        return inForce.get(() -> SlaRules.of(tx.slaSettings().policy().orElse(initialPolicy),
                tx.slaSettings().calendars()));
    }

    @Override
    public SlaPolicy policy(Actor actor) {
        actor.require(Permission.TICKET_READ);
        return transactions.read(tx -> rules(tx).policy());
    }

    @Override
    public SlaPolicy updatePolicy(Actor actor, SlaPolicy policy) {
        actor.require(Permission.SLA_ADMIN);
        return transactions.write(tx -> {
            var known = tx.slaSettings().calendars().stream().map(BusinessCalendar::id).collect(Collectors.toSet());
            var checks = FieldChecks.create();
            for (Priority priority : Priority.values()) {
                SlaTargets targets = policy.of(priority);
                String field = "targets." + priority;
                positive(checks, field + ".firstResponse", targets.firstResponse());
                positive(checks, field + ".resolution", targets.resolution());
                positive(checks, field + ".updateCadence", targets.updateCadence());
                if (!known.contains(targets.calendarId())) {
                    checks.add(field + ".calendarId", "is not a known calendar; known: " + known.stream().sorted().toList());
                }
            }
            checks.throwIfAny();
            var before = tx.slaSettings().policy().orElse(initialPolicy);
            tx.slaSettings().savePolicy(policy);
            var changes = ChangeSet.create();
            for (Priority priority : Priority.values()) {
                changes.field(priority.name(), before.of(priority), policy.of(priority));
            }
            tx.audit().append(changes.entry("sla-policy", "default", clock.instant(), actor, "sla.policy.updated"));
            inForce.forget();
            return policy;
        });
    }

    @Override
    public List<BusinessCalendar> calendars(Actor actor) {
        actor.require(Permission.TICKET_READ);
        return transactions.read(tx -> sorted(tx.slaSettings().calendars()));
    }

    @Override
    public List<BusinessCalendar> updateCalendars(Actor actor, List<BusinessCalendar> calendars) {
        actor.require(Permission.SLA_ADMIN);
        return transactions.write(tx -> {
            var existing = tx.slaSettings().calendars().stream()
                    .collect(Collectors.toMap(BusinessCalendar::id, Function.identity()));
            var checks = FieldChecks.create();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < calendars.size(); i++) {
                var calendar = calendars.get(i);
                if (!seen.add(calendar.id())) {
                    checks.add("calendars[" + i + "].id", "appears more than once");
                }
                checks.storable("calendars[" + i + "].name", calendar.name());
                for (var day : calendar.holidays()) {
                    checks.date("calendars[" + i + "].holidays", day);
                }
                for (var day : calendar.extraWorkingDays().keySet()) {
                    checks.date("calendars[" + i + "].extraWorkingDays", day);
                }
            }
            existing.keySet().stream().filter(id -> !seen.contains(id)).sorted().forEach(id ->
                    checks.add("calendars", "must keep calendar " + id + ": open tickets may count in it"));
            checks.throwIfAny();
            var at = clock.instant();
            for (BusinessCalendar calendar : calendars) {
                var before = existing.get(calendar.id());
                if (!calendar.equals(before)) {
                    tx.slaSettings().saveCalendar(calendar);
                    tx.audit().append(ChangeSet.create().field("calendar", before, calendar)
                            .entry("sla-calendar", calendar.id(), at, actor, "sla.calendar.saved"));
                }
            }
            inForce.forget();
            return sorted(tx.slaSettings().calendars());
        });
    }

    private static void positive(FieldChecks checks, String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            checks.add(field, "must be a positive duration");
        } else {
            checks.duration(field, value);
        }
    }

    private static List<BusinessCalendar> sorted(List<BusinessCalendar> calendars) {
        return calendars.stream().sorted(Comparator.comparing(BusinessCalendar::id)).toList();
    }
}
