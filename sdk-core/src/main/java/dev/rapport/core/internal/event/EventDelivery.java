package dev.rapport.core.internal.event;

import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.figures.Tally;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.storage.OutboxEntry;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.survey.SurveyProvider;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers every committed outbox event at least once, in order per subject, to each subscriber: the in-process
 * listeners as one, and each configured notifier. docs/architecture.md, "Event delivery", has the design.
 *
 * <p>A fan-out thread turns new outbox events into one pending delivery per subscriber (one node at a time, so a
 * subject's deliveries are created in order); a lane per subscriber leases due deliveries and calls the subscriber
 * time-boxed. Signalled after every commit; besides, every {@code pollInterval} each node fans out what others
 * committed and each lane looks for retries that fell due.
 */
public final class EventDelivery implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventDelivery.class.getName());
    private static final int FAN_OUT_BATCH = 500;
    /** Fan-out passes are at least this far apart, so a burst of commits costs a few passes, not one each. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(5);
    /** When another node holds the fan-out turn, look again this soon: it may have missed our commit. */
    private static final Duration TURN_TAKEN_RETRY = Duration.ofMillis(25);
    /** A subscriber no node has run for this long gets no new events (e.g. a notifier removed from the configuration). */
    static final Duration SUBSCRIBER_EXPIRY = Duration.ofDays(7);
    private static final Duration HEARTBEAT = Duration.ofMinutes(1);
    /** The fan-out's thread, by name in thread dumps. */
    static final String FAN_OUT_THREAD = "rapport-event-fan-out";

    /** A notifier instance to deliver to, with its policy and the values of its secret settings. */
    public record NotifierInstance(String name, Notifier notifier, DeliveryPolicy policy, Set<String> secrets) {
    }

    /** A channel that can answer, with the policy its replies are delivered under. */
    public record ReplyingChannel(String name, Replying channel, DeliveryPolicy policy, Set<String> secrets) {
    }

    /** A survey provider instance, called for the invitations of its surveys under its policy. */
    public record SurveyProviderInstance(String name, SurveyProvider provider, DeliveryPolicy policy,
                                         Set<String> secrets) {
    }

    private final Storage storage;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration closeTimeout;
    private final Listeners listeners;
    private final List<Subscriber> subscribers = new ArrayList<>();
    /** This node's subscribers by their permanent name. */
    private final Map<String, Subscriber> byName = new HashMap<>();
    private final List<Lane> lanes = new ArrayList<>();
    private final ScheduledExecutorService fanOut = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, FAN_OUT_THREAD);
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final Passes fanOutPasses = new Passes();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean started;
    private volatile long nextPassNanos = System.nanoTime();
    private volatile Instant lastHeartbeat;
    private boolean failing;

    /**
     * Every collaborator comes in here, made before the delivery, none of them needing it. What a subscriber writes
     * when it settles a delivery (a survey's invitation) commits through the delivery's own {@link Transactions},
     * which counts its events and signals this delivery.
     *
     * @param replyBodies how queued replies get their text when they are sent, e.g. with a status link filled in
     * @param invitations where the survey providers' invitations are kept: the survey rules
     * @param tally       counts the outcome of every delivery, and the events subscribers' writes commit
     */
    public EventDelivery(Storage storage, Clock clock, EventSettings settings, List<NotifierInstance> notifiers,
                         List<ReplyingChannel> channels, ReplyBodies replyBodies,
                         List<SurveyProviderInstance> surveyProviders, SurveyInvitations invitations, Tally tally) {
        this.storage = storage;
        this.clock = clock;
        this.pollInterval = settings.pollInterval();
        this.closeTimeout = settings.closeTimeout();
        this.listeners = new Listeners(settings.policy());
        // Signals only once started (signal() checks), so handing it out before the constructor ends is safe.
        var writes = new Transactions(storage, this::signal, tally);
        subscribers.add(listeners);
        subscribers.add(new NoticeSubscriber(settings.policy()));
        notifiers.forEach(n -> subscribers.add(new NotifierSubscriber(n.name(), n.notifier(), n.policy(), n.secrets())));
        channels.forEach(c -> subscribers.add(new ReplySubscriber(c.name(), c.channel(), c.policy(), c.secrets(),
                replyBodies)));
        surveyProviders.forEach(p -> subscribers.add(new SurveySubscriber(p.name(), p.provider(), p.policy(),
                p.secrets(), invitations, writes)));
        subscribers.forEach(s -> lanes.add(new Lane(s, storage, clock, pollInterval, tally)));
        subscribers.forEach(s -> byName.put(s.name(), s));
    }

    /** Adds an in-process listener; close the result to remove it. */
    public AutoCloseable subscribe(DomainEventListener listener) {
        boolean first = !listeners.any();
        var subscription = listeners.add(listener);
        if (first && started) {
            // The listeners' subscriber joins the fan-out from now on (listeners hear events "from now on").
            storage.inTransaction(tx -> {
                tx.deliveries().register(names(), clock.instant());
                return null;
            });
        }
        return subscription;
    }

    /**
     * Registers this node's subscribers and starts delivering, beginning with whatever a crash left undelivered.
     * Writes committed before this are delivered too.
     */
    public void start() {
        Instant now = clock.instant();
        storage.inTransaction(tx -> {
            tx.deliveries().register(names(), now);
            return null;
        });
        lastHeartbeat = now;
        started = true;
        lanes.forEach(Lane::start);
        long poll = pollInterval.toNanos();
        fanOut.scheduleWithFixedDelay(this::signal, poll, poll, TimeUnit.NANOSECONDS);
        signal();
    }

    /** Something was committed: make sure a fan-out pass runs after now. */
    public void signal() {
        if (started) {
            schedule(Math.max(0, nextPassNanos - System.nanoTime()));
        }
    }

    /** Deliveries became due outside the fan-out (dead letters sent again): let every lane look now. */
    public void wakeLanes() {
        lanes.forEach(Lane::wake);
    }

    private void schedule(long delayNanos) {
        if (passQueued.compareAndSet(false, true)) {
            try {
                fanOut.schedule(this::pass, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                passQueued.set(false); // closing
            }
        }
    }

    private void pass() {
        passQueued.set(false);
        long number = fanOutPasses.begin();
        try {
            // One reading of the clock for the pass: the heartbeat's registration must be live at the fan-out's time.
            Instant now = clock.instant();
            heartbeat(now);
            if (fanOutAll(now)) {
                fanOutPasses.clean(number);
            } else {
                schedule(TURN_TAKEN_RETRY.toNanos());
            }
            failing = false;
        } catch (RuntimeException e) {
            // The events stay in the outbox; the next signal or poll fans them out. Logged once per outage.
            LOG.log(failing ? Level.DEBUG : Level.WARNING, "Event fan-out failed; trying again at the next signal or poll", e);
            failing = true;
        } finally {
            nextPassNanos = System.nanoTime() + MIN_INTERVAL.toNanos();
        }
    }

    /** Keeps this node's subscribers among those fanned out to. */
    private void heartbeat(Instant now) {
        if (now.isBefore(lastHeartbeat.plus(HEARTBEAT)) && !now.isBefore(lastHeartbeat)) {
            return;
        }
        storage.inTransaction(tx -> {
            tx.deliveries().register(names(), now);
            return null;
        });
        lastHeartbeat = now;
    }

    /** Fans out every new event; false when another node holds the turn. */
    private boolean fanOutAll(Instant now) {
        int moved;
        do {
            moved = storage.inTransaction(tx -> {
                if (!tx.deliveries().takeFanOutTurn()) {
                    return -1;
                }
                var events = tx.outbox().undelivered(FAN_OUT_BATCH);
                if (!events.isEmpty()) {
                    // This node's own subscribers are live whatever their registration says.
                    var names = new TreeSet<>(names());
                    names.addAll(tx.deliveries().subscribers(now.minus(SUBSCRIBER_EXPIRY)));
                    concerned(events, names).forEach((subscribers, concerning) ->
                            tx.deliveries().enqueue(concerning, subscribers, now));
                    tx.outbox().markDelivered(events.stream().map(OutboxEntry::position).toList());
                }
                return events.size();
            });
            if (moved < 0) {
                return false;
            }
            if (moved > 0) {
                wakeLanes();
            }
        } while (moved == FAN_OUT_BATCH);
        return true;
    }

    /**
     * The events grouped by the subscribers they concern. A subscriber's name is the same plugin instance on every
     * node, so this node's own subscriber of a name tells for all; a name this node lacks gets every event, and its
     * lane completes those of no concern when it claims them.
     */
    private Map<List<String>, List<OutboxEntry>> concerned(List<OutboxEntry> events, Collection<String> names) {
        var groups = new LinkedHashMap<List<String>, List<OutboxEntry>>();
        for (var entry : events) {
            var concerning = names.stream().filter(name -> {
                var local = byName.get(name);
                return local == null || local.concerns(entry.event());
            }).toList();
            if (!concerning.isEmpty()) {
                groups.computeIfAbsent(concerning, k -> new ArrayList<>()).add(entry);
            }
        }
        return groups;
    }

    /**
     * Waits until the events committed before this call have been delivered by this node: fanned out, then every
     * delivery of this node's subscribers that is due handed over and its outcome recorded (delivered, or failed and
     * left for a later retry or as a dead letter). Deliveries waiting for a retry later than now, or leased by another
     * node, are not waited for.
     *
     * @return false when {@code timeout} passed first, or delivery has not started or has stopped
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitDelivery(Duration timeout) throws InterruptedException {
        if (!started) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long fannedOut = fanOutPasses.mark();
        signal();
        if (!fanOutPasses.awaitCleanAfter(fannedOut, deadline)) {
            return false;
        }
        long[] marks = lanes.stream().mapToLong(lane -> lane.passes().mark()).toArray();
        wakeLanes();
        for (int i = 0; i < marks.length; i++) {
            if (!lanes.get(i).passes().awaitCleanAfter(marks[i], deadline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * This node's subscribers. The listeners' one counts only once a listener exists: an SDK without listeners
     * would otherwise write and complete a delivery row for every event, for no one.
     */
    private List<String> names() {
        return subscribers.stream().filter(s -> s != listeners || listeners.any()).map(Subscriber::name).toList();
    }

    /**
     * Delivers what is pending, for at most the settings' {@code close-timeout}, then stops delivering: no new passes,
     * each lane finishes or abandons its call under way (notifier calls are interrupted), and the notifiers are closed.
     * Whatever is still undelivered stays in the database for the next start or another node.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (started && closeTimeout.isPositive()) {
            try {
                if (!awaitDelivery(closeTimeout)) {
                    LOG.log(Level.INFO, "Closing with events still undelivered after " + closeTimeout
                            + "; they are delivered at the next start, or by another node");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started = false;
        fanOut.shutdown();
        lanes.forEach(Lane::close);
        try {
            if (!fanOut.awaitTermination(10, TimeUnit.SECONDS)) {
                fanOut.shutdownNow();
            }
        } catch (InterruptedException e) {
            fanOut.shutdownNow();
            Thread.currentThread().interrupt();
        }
        lanes.forEach(Lane::awaitStop);
        subscribers.forEach(Subscriber::close);
    }
}
