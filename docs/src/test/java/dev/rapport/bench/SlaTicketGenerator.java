package dev.rapport.bench;

import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.SlaTargets;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaDeadline;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.core.internal.sla.SlaClock;
import dev.rapport.core.internal.sla.SlaRules;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.rapport.api.ticket.SlaTarget.CUSTOMER_UPDATE;
import static dev.rapport.api.ticket.SlaTarget.FIRST_RESPONSE;
import static dev.rapport.api.ticket.SlaTarget.RESOLUTION;

/**
 * Writes an open backlog straight into {@code tickets} with PostgreSQL's COPY: every ticket NEW, ASSIGNED or
 * IN_PROGRESS, its SLA computed by the core's own {@link SlaClock} under SPEC §5's default policy and calendars, as of
 * a fixed {@code now}, so that the stored columns are exactly what the SDK would have written.
 *
 * <p>The backlog is a desk that keeps up: the SLA monitor has raised every alarm that fell before {@code now} (warnings
 * at 80 %, breaches, with the escalation a missed first response or resolution brings), except for {@code due}
 * tickets whose warning or deadline fell in the last 15 minutes of working time, as after a quarter of an hour without
 * a scan: those are exactly the tickets with {@code sla_next_alarm_at <= now}. {@code atRisk} tickets are between 80 %
 * and their nearest deadline, {@code overdue} past it; every other ticket is below 80 % of each running target.
 *
 * <p>Time line of a ticket: opened at {@code s0}; before the first response (NEW, or ASSIGNED to an agent) the first
 * response and resolution run. IN_PROGRESS tickets were first answered at {@code r} (some late, which breached and
 * escalated them), last updated at {@code u}, and owe the next update by the cadence; their resolution follows the
 * policy from {@code s0}, an agreed plan date (P2, 70 %) or an exception's new expected time (P3/P4, 60 %), which puts
 * most resolution deadlines one to six weeks ahead. Deterministic for a seed, the ids included.
 */
final class SlaTicketGenerator {
    /** What a ticket is as of {@code now}. */
    enum Kind { FINE, AT_RISK, OVERDUE, DUE }

    /** A customer a ticket may be for, with the contact who asked (or none). */
    record Customer(String id, String contactId) {
    }

    /** The people of a department: agents work tickets, supervisors hear of breaches. */
    record Staff(String department, List<String> agents) {
    }

    /** A ticket written, as the benchmark checks it. */
    record Sample(String id, Kind kind, Priority priority, TicketStatus status) {
    }

    private static final String[][] TYPES = {
            {"CONSULTATION", "customer-service"}, {"COMPLAINT", "after-sales"}, {"CHANGE_REQUEST", "product"},
            {"AFTER_SALES_SUPPORT", "technical-support"}, {"VALUE_ADDED", "account-management"}};
    private static final String[] TITLES = {"Order not delivered", "Invoice amount wrong", "Cannot log in to the portal",
            "Device fails after update", "Request for a quote", "Refund still pending", "Change delivery address",
            "Warranty claim", "Training request", "Data export needed", "Damaged goods on arrival",
            "Subscription renewal question", "订单未送达", "发票金额有误", "设备升级后无法启动", "申请退款"};
    private static final String[] DESCRIPTIONS = {"The customer called twice about this; details in the call notes.",
            "Reported through the portal with screenshots attached.", "客户来电反映问题，已记录详细情况，需要跟进处理。",
            "Escalated by the account manager after the weekly review.", "Customer expects an answer this week.",
            "Affects several users at the customer's site since Monday."};
    private static final IntakeChannel[] CHANNELS = IntakeChannel.values();
    private static final int BATCH = 20_000;
    private static final int SAMPLES_PER_KIND = 25;
    private static final Duration DUE_WINDOW = Duration.ofMinutes(15);
    private static final String COLUMNS = "id, number, customer_id, contact_id, type, title, description, priority, "
            + "urgent, important, channel, status, department_id, assignee_id, first_response_due, resolution_due, "
            + "next_update_due, sla_paused_since, related_ticket_ids, resolution_solution, resolution_via, resolved_by, "
            + "resolved_at, created_by, created_at, updated_at, first_responded_at, closed_at, version, escalation, "
            + "owner_id, sla_calendar, sla_update_cadence, first_response_warn_at, resolution_warn_at, "
            + "next_update_warn_at, sla_running, sla_raised, sla_next_alarm_at, sla_due_at, sla_warn_at";

    private final long seed;
    private final Instant now;
    private final SlaRules rules = SlaRules.defaults();
    private final Map<String, BusinessCalendar> calendars = Map.of(BusinessCalendar.alwaysOpen().id(),
            BusinessCalendar.alwaysOpen(), BusinessCalendar.standard().id(), BusinessCalendar.standard());
    private final List<Customer> customers;
    private final Map<String, Staff> staff;
    private final List<String> departments;
    private final List<Sample> samples = new ArrayList<>();

    SlaTicketGenerator(long seed, Instant now, List<Customer> customers, List<Staff> staff) {
        this.seed = seed;
        this.now = now;
        this.customers = List.copyOf(customers);
        this.staff = staff.stream().collect(Collectors.toMap(Staff::department, s -> s));
        this.departments = staff.stream().map(Staff::department).sorted().toList();
    }

    /** The first {@value #SAMPLES_PER_KIND} tickets written of each kind. */
    List<Sample> samples() {
        return samples;
    }

    /**
     * Writes {@code count} tickets numbered {@code T2026000001} on: exactly {@code due} with an alarm due,
     * {@code atRisk} and {@code overdue} as named, the rest fine; a COPY per batch of {@value #BATCH}, each batch
     * generated on all cores.
     */
    void load(Connection connection, int count, int due, int atRisk, int overdue) throws SQLException {
        var kinds = new byte[count];
        int at = 0;
        for (var kind : List.of(Kind.DUE, Kind.AT_RISK, Kind.OVERDUE)) {
            int n = kind == Kind.DUE ? due : kind == Kind.AT_RISK ? atRisk : overdue;
            for (int i = 0; i < n; i++) {
                kinds[at++] = (byte) kind.ordinal();
            }
        }
        var shuffle = new SplittableRandom(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            byte swap = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = swap;
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        var perKind = new EnumMap<Kind, Integer>(Kind.class);
        for (int start = 0; start < count; start += BATCH) {
            int end = Math.min(count, start + BATCH);
            var rows = IntStream.range(start, end).parallel()
                    .mapToObj(i -> ticket(i, Kind.values()[kinds[i]]))
                    .toList();
            var text = new StringBuilder(rows.size() * 700);
            for (var row : rows) {
                CustomerGenerator.row(text, row.values());
                if (perKind.merge(row.sample().kind(), 1, Integer::sum) <= SAMPLES_PER_KIND) {
                    samples.add(row.sample());
                }
            }
            CustomerGenerator.write(copy.copyIn("COPY tickets (" + COLUMNS + ") FROM STDIN"), text);
        }
    }

    private record Row(Sample sample, String[] values) {
    }

    /** Ticket {@code index}: drawn again with the next numbers of its own random stream until it is of its kind. */
    private Row ticket(int index, Kind kind) {
        var random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        for (int attempt = 0; attempt < 10_000; attempt++) {
            var row = draw(index, kind, random);
            if (row != null) {
                return row;
            }
        }
        throw new IllegalStateException("no " + kind + " ticket drawn for index " + index);
    }

    /** One draw of a ticket meant to be of {@code kind}; null when its SLA came out otherwise. */
    private Row draw(int index, Kind kind, SplittableRandom random) {
        int p = random.nextInt(100);
        Priority priority = p < 5 ? Priority.P1 : p < 25 ? Priority.P2 : p < 75 ? Priority.P3 : Priority.P4;
        SlaTargets targets = rules.policy().of(priority);
        var time = rules.calendar(targets.calendarId());
        var calendar = calendars.get(targets.calendarId());
        String[] type = TYPES[random.nextInt(TYPES.length)];
        String department = random.nextInt(10) == 0 ? departments.get(random.nextInt(departments.size())) : type[1];
        boolean responded = random.nextInt(100) >= 5;
        TicketStatus status = responded ? TicketStatus.IN_PROGRESS
                : random.nextInt(5) < 3 ? TicketStatus.NEW : TicketStatus.ASSIGNED;

        // How far into its target the stressed deadline is: below 80 %, between 80 % and 100 %, past it, or just
        // past the warning or the deadline (within the last 15 minutes of working time).
        boolean dueIsBreach = kind == Kind.DUE && random.nextInt(10) < 3;
        SlaTarget stressed;
        Instant s0;
        Instant r = null;
        Instant u = null;
        Optional<Instant> plan = Optional.empty();
        Instant replannedAt = null;
        Instant replan = null;
        if (!responded) {
            stressed = FIRST_RESPONSE;
            s0 = minus(calendar, now, fraction(kind, dueIsBreach, targets.firstResponse(), random));
            if (priority == Priority.P2 && random.nextInt(10) < 7) {
                plan = Optional.of(now.plus(random.nextLong(2 * 1440, 42 * 1440), ChronoUnit.MINUTES));
            }
        } else {
            // P2 may follow a plan date agreed at intake, P3 and P4 an exception's new expected time.
            int mode = priority == Priority.P2 ? (random.nextInt(10) < 7 ? 1 : 0)
                    : priority == Priority.P1 ? 0 : (random.nextInt(10) < 6 ? 2 : 0);
            stressed = kind == Kind.FINE ? null : mode != 0 && random.nextInt(4) == 0 ? RESOLUTION : CUSTOMER_UPDATE;
            Duration sinceUpdate = stressed == CUSTOMER_UPDATE
                    ? fraction(kind, dueIsBreach, targets.updateCadence(), random)
                    : share(targets.updateCadence(), random.nextDouble(0, 0.78));
            u = minus(calendar, now, sinceUpdate);
            Duration conversation = mode == 0 ? share(targets.resolution(), random.nextDouble(0, 0.3))
                    : Duration.ofMinutes(random.nextLong(0, 120 * 60));
            r = random.nextInt(3) == 0 ? u : minus(calendar, u, conversation);
            // One first response in ten was late, which breached the target and escalated the ticket.
            double late = random.nextInt(10) == 0 ? random.nextDouble(1.0, 2.0) : random.nextDouble(0.1, 1.0);
            s0 = minus(calendar, r, share(targets.firstResponse(), late));
            if (mode == 2) {
                replannedAt = Instant.ofEpochSecond(random.nextLong(r.getEpochSecond(), u.getEpochSecond() + 1));
            }
            Instant from = mode == 1 ? s0 : replannedAt;
            Instant by;
            if (stressed == RESOLUTION) {
                // The plan's span such that now is at the drawn fraction of it.
                Duration elapsed = time.between(from, now);
                if (elapsed.compareTo(Duration.ofHours(1)) < 0) {
                    return null;
                }
                double f = fractionOf(kind, dueIsBreach, elapsed, random);
                by = time.plus(from, Duration.ofSeconds(Math.round(elapsed.toSeconds() / f)));
            } else {
                by = now.plus(random.nextLong(1440, 42 * 1440), ChronoUnit.MINUTES);
            }
            if (mode == 1) {
                plan = Optional.of(by);
            } else if (mode == 2) {
                replan = by;
            }
        }

        TicketSla sla = SlaClock.start(rules, priority, s0, plan);
        if (responded) {
            sla = SlaClock.customerUpdated(rules, sla, r, Optional.empty());
            if (replan != null) {
                sla = SlaClock.replanned(rules, sla, replannedAt, replan);
            }
            if (u.isAfter(r)) {
                sla = SlaClock.customerUpdated(rules, sla, u, Optional.empty());
            }
        }

        // Is the ticket what it should be? Judged on the deadlines alone, as the monitor's lists do.
        Instant nearest = sla.nearestDue().orElseThrow();
        Instant warning = sla.earliestWarning().orElseThrow();
        Kind actual = !nearest.isAfter(now) ? Kind.OVERDUE : !warning.isAfter(now) ? Kind.AT_RISK : Kind.FINE;
        Kind wanted = kind == Kind.DUE ? (dueIsBreach ? Kind.OVERDUE : Kind.AT_RISK) : kind;
        if (actual != wanted) {
            return null;
        }

        // The alarms the monitor raised: every one that fell while its target ran, but the one left due.
        var raised = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
        int breaches = 0;
        int alarms = 0;
        Instant lastAlarm = Instant.MIN;
        for (SlaTarget target : SlaTarget.values()) {
            var deadline = sla.deadline(target);
            Instant until = sla.running().contains(target) ? now : target == FIRST_RESPONSE ? r : null;
            var set = EnumSet.noneOf(SlaAlarm.class);
            if (until != null) {
                if (!deadline.warnAt().isAfter(until)) {
                    set.add(SlaAlarm.WARNING);
                    lastAlarm = max(lastAlarm, deadline.warnAt());
                }
                if (!deadline.due().isAfter(until)) {
                    set.add(SlaAlarm.BREACH);
                    lastAlarm = max(lastAlarm, deadline.due());
                }
            }
            if (kind == Kind.DUE && target == stressed) {
                set.remove(dueIsBreach ? SlaAlarm.BREACH : SlaAlarm.WARNING);
            }
            if (set.contains(SlaAlarm.BREACH) && target != CUSTOMER_UPDATE) {
                breaches++;
            }
            alarms += set.size();
            raised.put(target, new SlaDeadline(deadline.warnAt(), deadline.due(), set));
        }
        for (var entry : raised.entrySet()) {
            sla = sla.with(entry.getKey(), entry.getValue());
        }
        Optional<Instant> nextAlarm = sla.nextAlarmAt();
        boolean alarmDue = nextAlarm.isPresent() && !nextAlarm.get().isAfter(now);
        if (alarmDue != (kind == Kind.DUE)) {
            return null;
        }

        var staffed = staff.get(department);
        String assignee = status == TicketStatus.NEW ? null : staffed.agents().get(random.nextInt(staffed.agents().size()));
        var customer = customers.get(random.nextInt(customers.size()));
        String id = uuidV7(s0, random);
        EscalationLevel escalation = EscalationLevel.values()[Math.min(breaches, 2)];
        Instant updatedAt = max(max(s0, r == null ? s0 : r), max(u == null ? s0 : u, max(lastAlarm,
                replannedAt == null ? s0 : replannedAt)));
        long version = 1 + (assignee != null ? 1 : 0) + (responded ? 1 + (u.isAfter(r) ? 1 + random.nextInt(4) : 0) : 0)
                + (replannedAt != null ? 1 : 0) + alarms + breaches;
        String[] values = {
                id, "T2026%06d".formatted(index + 1), customer.id(),
                random.nextInt(10) < 7 ? customer.contactId() : null,
                type[0], TITLES[random.nextInt(TITLES.length)], DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)],
                priority.name(), bool(priority == Priority.P1 || priority == Priority.P3),
                bool(priority == Priority.P1 || priority == Priority.P2),
                CHANNELS[random.nextInt(CHANNELS.length)].name(), status.name(), department, assignee,
                sla.firstResponseDue().toString(), sla.resolutionDue().toString(), sla.nextUpdateDue().toString(),
                null, "[]", null, null, null, null,
                assignee != null && random.nextBoolean() ? assignee : "system", s0.toString(), updatedAt.toString(),
                r == null ? null : r.toString(), null, Long.toString(version), escalation.name(), null,
                sla.calendarId(), sla.updateCadence().toString(),
                sla.deadline(FIRST_RESPONSE).warnAt().toString(), sla.deadline(RESOLUTION).warnAt().toString(),
                sla.deadline(CUSTOMER_UPDATE).warnAt().toString(), running(sla), raised(sla),
                nextAlarm.map(Instant::toString).orElse(null), sla.nearestDue().map(Instant::toString).orElse(null),
                sla.earliestWarning().map(Instant::toString).orElse(null)};
        return new Row(new Sample(id, kind, priority, status), values);
    }

    /** The working time since the stressed deadline started, for the kind drawn, in whole seconds. */
    private static Duration fraction(Kind kind, boolean breach, Duration target, SplittableRandom random) {
        return switch (kind) {
            case FINE -> share(target, random.nextDouble(0, 0.78));
            case AT_RISK -> share(target, random.nextDouble(0.81, 0.99));
            case OVERDUE -> share(target, random.nextDouble(1.05, 4.0));
            case DUE -> target.multipliedBy(breach ? 5 : 4).dividedBy(5)
                    .plusSeconds(random.nextLong(1, DUE_WINDOW.toSeconds()));
        };
    }

    /** For a plan ending {@code elapsed} after it started: the fraction of the plan's span that has passed. */
    private static double fractionOf(Kind kind, boolean breach, Duration elapsed, SplittableRandom random) {
        return switch (kind) {
            case FINE -> throw new IllegalArgumentException("a fine ticket has no stressed deadline");
            case AT_RISK -> random.nextDouble(0.81, 0.99);
            case OVERDUE -> random.nextDouble(1.05, 4.0);
            // Just past 80 % or 100 %: at most 15 minutes of working time since the mark.
            case DUE -> {
                double mark = breach ? 1.0 : 0.8;
                double span = elapsed.toSeconds() / mark;
                double since = Math.min(random.nextLong(60, DUE_WINDOW.toSeconds()), span * 0.01);
                yield (elapsed.toSeconds()) / ((elapsed.toSeconds() - since) / mark);
            }
        };
    }

    private static Duration share(Duration target, double fraction) {
        return Duration.ofSeconds(Math.round(target.toSeconds() * fraction));
    }

    /**
     * The latest instant from which {@code working} of working time has passed by {@code to}: {@code WorkingTime}
     * counted backwards, shift by shift.
     */
    static Instant minus(BusinessCalendar calendar, Instant to, Duration working) {
        if (working.isZero()) {
            return to;
        }
        ZoneId zone = calendar.zone();
        LocalDate date = LocalDate.ofInstant(to, zone);
        Duration left = working;
        for (int day = 0; day < 20 * 366; day++, date = date.minusDays(1)) {
            var shifts = calendar.hoursOn(date);
            for (int k = shifts.size() - 1; k >= 0; k--) {
                var shift = shifts.get(k);
                Instant start = date.atTime(shift.start()).atZone(zone).toInstant();
                Instant end = shift.untilEndOfDay() ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : date.atTime(shift.end()).atZone(zone).toInstant();
                if (!start.isBefore(to)) {
                    continue;
                }
                if (end.isAfter(to)) {
                    end = to;
                }
                Duration length = Duration.between(start, end);
                if (left.compareTo(length) <= 0) {
                    return end.minus(left);
                }
                left = left.minus(length);
            }
        }
        throw new IllegalStateException("calendar " + calendar.id() + " has less than " + working + " before " + to);
    }

    /** As the jdbc storage writes them ({@code SlaColumns}): targets in declaration order. */
    private static String running(TicketSla sla) {
        return sla.running().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String raised(TicketSla sla) {
        return sla.deadlines().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().raised().stream().sorted().map(alarm -> e.getKey() + ":" + alarm))
                .collect(Collectors.joining(","));
    }

    /** A UUIDv7 of the opening instant, as the SDK's ids are. */
    private static String uuidV7(Instant at, SplittableRandom random) {
        long msb = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    private static String bool(boolean value) {
        return value ? "t" : "f";
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
