package dev.rapport.core.internal.figures;

import dev.rapport.api.figures.Figures;
import dev.rapport.api.event.CustomerMessageReceived;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What this SDK instance has done since it started, counted as it happens: the events of committed changes (read
 * from what each transaction appends to its outbox, so a rolled-back change counts nothing), refused logins and the
 * outcomes of deliveries. Internal to the SDK; hosts read {@link Figures.Counts} through {@code Rapport.figures()}.
 * Thread-safe and cheap: a few adders, no lock.
 */
public final class Tally {
    private final Map<Priority, LongAdder> opened = adders(Priority.class);
    private final Map<Priority, LongAdder> closed = adders(Priority.class);
    private final Map<SlaAlarm, LongAdder> alarms = adders(SlaAlarm.class);
    private final Map<Figures.Outcome, LongAdder> deliveries = adders(Figures.Outcome.class);
    private final Map<Figures.Refusal, LongAdder> refusals = adders(Figures.Refusal.class);
    private final LongAdder messagesFiled = new LongAdder();
    private final Map<FollowUpKind, LongAdder> careUnplanned = adders(FollowUpKind.class);

    /** Runs {@code work} in one transaction of {@code storage} and, once it commits, counts the events it appended. */
    public <R> R counted(Storage storage, Function<Transaction, R> work) {
        var appended = new ArrayList<CountingTransaction.Appended>();
        R result = storage.inTransaction(tx -> {
            appended.clear(); // a storage that runs the work again starts the list again
            return work.apply(new CountingTransaction(tx, appended::add));
        });
        appended.forEach(this::count);
        return result;
    }

    /** Counts a refused login. */
    public void loginRefused(Figures.Refusal reason) {
        refusals.get(reason).increment();
    }

    /** Counts a delivery attempt whose outcome was recorded. */
    public void delivery(Figures.Outcome outcome) {
        deliveries.get(outcome).increment();
    }

    /** Counts the customers a care planning pass left without a contact of {@code kind}. */
    public void careUnplanned(FollowUpKind kind, long customers) {
        careUnplanned.get(kind).add(customers);
    }

    /** The counts as of now. */
    public Figures.Counts counts() {
        return new Figures.Counts(sums(opened), sums(closed), alarms.get(SlaAlarm.WARNING).sum(),
                alarms.get(SlaAlarm.BREACH).sum(), messagesFiled.sum(), sums(refusals), sums(deliveries),
                sums(careUnplanned));
    }

    private void count(CountingTransaction.Appended appended) {
        switch (appended.event()) {
            case TicketCreated created -> opened.get(created.priority()).increment();
            case TicketClosed ignored -> appended.closedPriority().ifPresent(p -> closed.get(p).increment());
            case SlaAlarmRaised alarm -> alarms.get(alarm.alarm()).increment();
            case CustomerMessageReceived ignored -> messagesFiled.increment();
            default -> {
                // Other events are not counted.
            }
        }
    }

    private static <K extends Enum<K>> Map<K, LongAdder> adders(Class<K> keys) {
        var map = new EnumMap<K, LongAdder>(keys);
        for (K key : keys.getEnumConstants()) {
            map.put(key, new LongAdder());
        }
        return map;
    }

    private static <K extends Enum<K>> Map<K, Long> sums(Map<K, LongAdder> adders) {
        var map = new LinkedHashMap<K, Long>();
        adders.forEach((key, adder) -> map.put(key, adder.sum()));
        return map;
    }
}
