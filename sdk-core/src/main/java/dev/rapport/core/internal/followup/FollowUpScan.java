package dev.rapport.core.internal.followup;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.FollowUpDue;
import dev.rapport.api.event.FollowUpOverdue;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.UnplannedCare;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.CareCandidate;
import dev.rapport.api.spi.storage.CarePlanningClaim;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.core.internal.BackgroundScan;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.figures.Tally;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The follow-ups' due work (SPEC §6), every {@code interval} on a daemon thread and on demand through
 * {@link #runDue()}:
 * <ul>
 *   <li>once a day, on one node (the one holding the care planning lease, renewed at every page; should it die, the
 *       lease runs out and another node's scan takes over), plans the next maintenance contact of each customer due
 *       for one (an indexed due day, kept on write: the planner reads only those) and the renewal contacts of
 *       contracts ending within the renewal notice, in pages of {@value #BATCH} with a pause between them; plan keys
 *       keep each to one follow-up whatever happens;</li>
 *   <li>tells the owner when a PENDING follow-up falls due ({@code FollowUpDue}), and makes it OVERDUE when its due
 *       day has passed ({@code FollowUpOverdue}). Each is raised once, on one node: a scan locks the due follow-ups
 *       (skipping those another node holds) and records the alarm with its event under the version check.</li>
 * </ul>
 */
public final class FollowUpScan implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FollowUpScan.class.getName());
    static final int BATCH = 200;

    private final Transactions transactions;
    private final Clock clock;
    private final FollowUpPlanner planner;
    private final Tally tally;
    private final Duration pause;
    /** How long this node's claim on the day's care planning lasts without renewal; it renews it at every page. */
    private final Duration lease;
    /** This node's name on the care planning lease: unique per instance. */
    private final String node = UUID.randomUUID().toString();
    private final AtomicReference<LocalDate> plannedOn = new AtomicReference<>();
    private final BackgroundScan background;

    public FollowUpScan(Transactions transactions, Clock clock, FollowUpService followUps, Duration interval,
                        Duration pause, Duration lease, Tally tally) {
        this.transactions = transactions;
        this.pause = pause;
        this.lease = lease;
        this.tally = tally;
        this.clock = clock;
        this.planner = followUps.planner();
        this.background = BackgroundScan.every(interval, "rapport-follow-up-scan", this::runDue);
    }

    /**
     * Plans the day's customer care if this node has not yet today, then raises every follow-up alarm due by the
     * clock's now. Safe on many nodes at once.
     *
     * @return how many follow-ups fell due or became overdue
     */
    public int runDue() {
        Instant now = clock.instant();
        planCare(now);
        return raiseAlarms(now);
    }

    private void planCare(Instant now) {
        var calendar = planner.calendar();
        LocalDate today = calendar.day(now);
        if (today.equals(plannedOn.get())) {
            return;
        }
        switch (claim(today)) {
            case DONE -> {
                plannedOn.set(today);
                return;
            }
            case HELD_ELSEWHERE -> {
                return; // another node plans today; should it die, its lease runs out and a later scan takes over
            }
            case CLAIMED -> {
                // this node plans today
            }
        }
        var plan = planner.plan();
        var pass = new CarePass();
        boolean complete = true;
        for (var level : new TreeSet<>(plan.maintenance().keySet())) {
            complete = complete && eachDue(tx -> tx.followUps().dueForMaintenance(level, today, BATCH),
                    (tx, customer, page) -> planner.planMaintenance(tx, customer, today, now, page), today, pass);
        }
        if (complete && plan.renewalNotice().isPresent()) {
            LocalDate until = today.plus(plan.renewalNotice().get());
            complete = eachCandidate((tx, after) -> tx.followUps().withoutRenewal(today, until, after, BATCH),
                    (tx, customer, page) -> planner.planRenewal(tx, customer, today, now, page), today, pass);
        }
        if (complete) {
            LOG.log(Level.INFO, "Care planning of " + today + " done on this node: " + pass.planned()
                    + " contact(s) planned, " + pass.read() + " customer(s) read");
            report(pass, today, now);
            transactions.write(tx -> {
                tx.followUps().finishCarePlanning(node, today);
                return null;
            });
            plannedOn.set(today);
        }
    }

    /** Claims (or renews) this node's lease on the day's care planning. */
    private CarePlanningClaim claim(LocalDate today) {
        Instant now = clock.instant();
        return transactions.write(tx -> tx.followUps().claimCarePlanning(node, today, now, now.plus(lease)));
    }

    /**
     * Between two pages: pauses, so that the planning stays in the background of what the database is doing, and
     * renews the lease. False when the scan is stopping or another node took the lease over (it plans the rest).
     */
    private boolean nextPage(LocalDate today) {
        return background.pause(pause) && claim(today) == CarePlanningClaim.CLAIMED;
    }

    /**
     * Reports once what the complete pass left unplanned: a log line per cause with a count and an example id, the
     * figures, and the list an administrator reads through {@code FollowUps.unplanned}.
     */
    private void report(CarePass pass, LocalDate today, Instant now) {
        var causes = pass.causes(today, now);
        for (var cause : causes) {
            LOG.log(Level.WARNING, "Care planning of " + today + " left " + cause.customers() + " customer(s) without a "
                    + cause.kind() + " contact: " + describe(cause.cause()) + " (e.g. customer "
                    + cause.exampleCustomer().value() + "); see the follow-ups' unplanned care");
        }
        for (var kind : List.of(FollowUpKind.MAINTENANCE, FollowUpKind.RENEWAL)) {
            tally.careUnplanned(kind, pass.customers(kind));
        }
        try {
            transactions.write(tx -> {
                tx.followUps().recordUnplanned(causes);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording the unplanned care of " + today + " failed", e);
        }
    }

    private static String describe(UnplannedCare.Cause cause) {
        return switch (cause) {
            case NO_ACTIVE_OWNER -> "no active account manager, nor an active supervisor to take it";
        };
    }

    /** Candidates for the day's planning after a cursor, one page per transaction. */
    @FunctionalInterface
    private interface Candidates {
        List<CareCandidate> after(Transaction tx, Optional<CustomerId> after);
    }

    /** Candidates due for planning; each one planned (or given up for today) leaves them. */
    @FunctionalInterface
    private interface Due {
        List<CareCandidate> first(Transaction tx);
    }

    @FunctionalInterface
    private interface Care {
        boolean plan(Transaction tx, CareCandidate customer, CarePass pass);
    }

    /**
     * Plans the customers due, a page per transaction, until none is left, adding to {@code pass} what the committed
     * pages left unplanned; false when it had to stop (a failure, the scan stopping, the lease lost).
     */
    private boolean eachDue(Due due, Care care, LocalDate today, CarePass pass) {
        while (true) {
            List<CareCandidate> page = new ArrayList<>();
            var onPage = new CarePass();
            try {
                transactions.write(tx -> {
                    page.addAll(due.first(tx));
                    page.forEach(customer -> onPage.read(care.plan(tx, customer, onPage)));
                    return null;
                });
                pass.addAll(onPage);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Follow-up planning failed for a page of customers; retrying them one by one", e);
                int handled = 0;
                for (var customer : page) {
                    handled += planAlone(customer, care, pass) || putOff(customer, today) ? 1 : 0;
                }
                if (handled == 0) {
                    return false; // nothing moved: the same page would come back
                }
            }
            if (page.size() < BATCH || !nextPage(today)) {
                return page.size() < BATCH;
            }
        }
    }

    /** Plans every candidate after a cursor, a page per transaction; false when it had to stop. */
    private boolean eachCandidate(Candidates candidates, Care care, LocalDate today, CarePass pass) {
        Optional<CustomerId> after = Optional.empty();
        boolean complete = true;
        while (true) {
            List<CareCandidate> page = new ArrayList<>();
            Optional<CustomerId> from = after;
            var onPage = new CarePass();
            try {
                transactions.write(tx -> {
                    page.addAll(candidates.after(tx, from));
                    page.forEach(customer -> onPage.read(care.plan(tx, customer, onPage)));
                    return null;
                });
                pass.addAll(onPage);
            } catch (RuntimeException e) {
                // One customer must not hold back the others: retry the page one customer per transaction.
                LOG.log(Level.WARNING, "Follow-up planning failed for a page of customers; retrying them one by one", e);
                for (var customer : page) {
                    complete &= planAlone(customer, care, pass);
                }
                if (page.isEmpty()) {
                    return false;
                }
            }
            if (page.size() < BATCH) {
                return complete;
            }
            if (!nextPage(today)) {
                return false;
            }
            after = Optional.of(page.getLast().id());
        }
    }

    private boolean planAlone(CareCandidate customer, Care care, CarePass pass) {
        var alone = new CarePass();
        try {
            alone.read(transactions.write(tx -> care.plan(tx, customer, alone)));
            pass.addAll(alone);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Follow-up planning of customer " + customer.id() + " failed; retried tomorrow", e);
            return false;
        }
    }

    /** Leaves a customer whose planning failed for tomorrow, so that it does not hold back today's pass. */
    private boolean putOff(CareCandidate customer, LocalDate today) {
        try {
            transactions.write(tx -> {
                tx.followUps().maintenanceDueOn(customer.id(), today.plusDays(1));
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int raiseAlarms(Instant now) {
        int total = 0;
        while (true) {
            List<FollowUpId> batch = new ArrayList<>();
            int raised;
            try {
                raised = transactions.write(tx -> {
                    var due = tx.followUps().dueForAlarm(now, BATCH);
                    due.forEach(followUp -> batch.add(followUp.id()));
                    int count = 0;
                    for (FollowUp followUp : due) {
                        count += raise(tx, followUp, now) ? 1 : 0;
                    }
                    return count;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Follow-up scan batch failed; retrying its follow-ups one by one", e);
                raised = batch.stream().mapToInt(id -> raiseAlone(id, now)).sum();
            }
            total += raised;
            // A full batch of which nothing could be raised would come back unchanged: leave it to the next scan.
            if (batch.size() < BATCH || raised == 0 || background.stopping()) {
                return total;
            }
        }
    }

    private int raiseAlone(FollowUpId id, Instant now) {
        try {
            return transactions.write(tx -> tx.followUps().find(id).map(f -> raise(tx, f, now)).orElse(false)) ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Alarms of follow-up " + id.value() + " failed; retried on the next scan", e);
            return 0;
        }
    }

    /**
     * Tells the owner of a PENDING follow-up that fell due, and makes it OVERDUE once its due day has passed; a scan
     * that comes late does both at once, in that order. False when neither is due.
     */
    private static boolean raise(Transaction tx, FollowUp current, Instant now) {
        if (current.state() != FollowUpState.PENDING) {
            return false;
        }
        var actor = Actor.system();
        var next = current;
        var changes = ChangeSet.create();
        List<DomainEvent> events = new ArrayList<>();
        if (current.dueAnnouncedAt().isEmpty() && !current.dueAt().isAfter(now)) {
            next = next.announced(now);
            changes.added("dueAnnouncedAt", now);
            events.add(new FollowUpDue(current.id(), current.kind(), current.customerId(), current.ticketId(),
                    current.ownerId(), current.dueAt(), now, actor.userId()));
        }
        boolean overdue = !current.overdueAt().isAfter(now);
        if (overdue) {
            next = next.overdue();
            changes.field("state", current.state(), next.state());
            events.add(new FollowUpOverdue(current.id(), current.kind(), current.customerId(), current.ticketId(),
                    current.ownerId(), current.dueAt(), now, actor.userId()));
        }
        if (events.isEmpty()) {
            return false;
        }
        FollowUpService.write(tx, current, next, changes.entry("follow-up", current.id().value(), now, actor,
                overdue ? "follow-up.overdue" : "follow-up.due"));
        events.forEach(tx.outbox()::append);
        return true;
    }

    /** Stops the background scans: a scan under way ends after its batch in hand, and this waits for it. */
    @Override
    public void close() {
        background.close();
    }
}
