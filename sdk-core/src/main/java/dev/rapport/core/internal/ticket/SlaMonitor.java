package dev.rapport.core.internal.ticket;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.internal.BackgroundScan;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.sla.SlaClock;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Raises SLA alarms as their time comes (SPEC §5): at 80 % of a target the assignee is warned; at a missed first
 * response or resolution the supervisors are told and the ticket escalates one level; a missed customer update warns
 * the assignee.
 *
 * <p>Each alarm is raised once per deadline, on one node: a scan locks the due tickets (skipping those another node
 * holds) and records the alarm on the ticket with its event in the same transaction, under the ticket's version
 * check. Runs every {@code interval} on a daemon thread, and on demand through {@link #runDue()}.
 */
public final class SlaMonitor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SlaMonitor.class.getName());
    static final int BATCH = 200;

    private final Transactions transactions;
    private final Clock clock;
    private final BackgroundScan background;

    public SlaMonitor(Transactions transactions, Clock clock, Duration interval) {
        this.transactions = transactions;
        this.clock = clock;
        this.background = BackgroundScan.every(interval, "rapport-sla-monitor", this::runDue);
    }

    /** Raises every alarm due by the clock's now; returns how many tickets got one. Safe on many nodes at once. */
    public int runDue() {
        Instant now = clock.instant();
        int total = 0;
        while (true) {
            List<TicketId> batch = new ArrayList<>();
            int raised;
            try {
                raised = transactions.write(tx -> {
                    var due = tx.tickets().dueForAlarm(now, BATCH);
                    due.forEach(ticket -> batch.add(ticket.id()));
                    int count = 0;
                    for (Ticket ticket : due) {
                        count += raise(tx, ticket, now) ? 1 : 0;
                    }
                    return count;
                });
            } catch (RuntimeException e) {
                // One ticket must not hold back the others: retry the batch one ticket per transaction.
                LOG.log(Level.WARNING, "SLA scan batch failed; retrying its tickets one by one", e);
                raised = batch.stream().mapToInt(id -> raiseAlone(id, now)).sum();
            }
            total += raised;
            if (batch.size() < BATCH || background.stopping()) {
                return total;
            }
        }
    }

    private int raiseAlone(TicketId id, Instant now) {
        try {
            return transactions.write(tx -> tx.tickets().find(id).map(t -> raise(tx, t, now)).orElse(false)) ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "SLA alarms of ticket " + id.value() + " failed; retried on the next scan", e);
            return 0;
        }
    }

    /** Records the ticket's due alarms with their events and escalation; false when none is due any more. */
    private static boolean raise(Transaction tx, Ticket ticket, Instant now) {
        var due = SlaClock.dueAlarms(ticket.sla(), now);
        if (due.isEmpty()) {
            return false;
        }
        var sla = ticket.sla();
        var changes = ChangeSet.create();
        List<DomainEvent> events = new ArrayList<>();
        var actor = Actor.system();
        var next = ticket.toBuilder();
        boolean escalate = false;
        for (var alarm : due.entrySet()) {
            SlaTarget target = alarm.getKey();
            var deadline = sla.deadline(target);
            sla = sla.with(target, deadline.raise(alarm.getValue()));
            boolean toSupervisors = alarm.getValue() == SlaAlarm.BREACH && target != SlaTarget.CUSTOMER_UPDATE;
            var recipients = new ArrayList<>(toSupervisors ? EscalationPeople.supervisors(tx, ticket.departmentId())
                    : EscalationPeople.assigneeOrSupervisors(tx, ticket));
            if (alarm.getValue() == SlaAlarm.BREACH) {
                // The front line that filed the ticket answers the customer's calls: it hears of a breach too.
                ticket.intakeOwner().map(IntakeOwner::userId).filter(owner -> !recipients.contains(owner))
                        .ifPresent(recipients::add);
            }
            changes.added(target + "." + alarm.getValue(), deadline.due());
            events.add(new SlaAlarmRaised(ticket.id(), ticket.number(), target, alarm.getValue(), deadline.due(),
                    recipients, now, actor.userId()));
            escalate |= toSupervisors;
        }
        next.sla(sla);
        if (escalate && ticket.escalation().next().isPresent()) {
            var up = Escalation.up(tx, ticket, Optional.empty(), true, now, actor.userId());
            next.escalation(ticket.escalation().next().get());
            changes.field("escalation", ticket.escalation(), ticket.escalation().next());
            events.addAll(up.events());
        }
        TicketChanges.apply(tx, actor, ticket, "ticket.sla.alarm", new TicketChanges.Outcome(next, changes, events), now);
        return true;
    }

    /** Stops the background scans; a scan under way finishes. */
    @Override
    public void close() {
        background.close();
    }
}
