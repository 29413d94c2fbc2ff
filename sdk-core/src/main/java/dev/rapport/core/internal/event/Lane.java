package dev.rapport.core.internal.event;

import dev.rapport.api.figures.Figures;
import dev.rapport.core.internal.figures.Tally;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.storage.Lease;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.core.internal.plugin.TimeBox;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The deliveries of one subscriber on this node, on a thread of its own, so a slow or hung subscriber delays no other
 * and no ticket operation. Each pass leases a batch of deliveries that are due and first in line for their subject,
 * calls the subscriber for each in a {@link TimeBox}, and records each outcome at once: a crash repeats at most the
 * call under way. The lease is twice the time box; the lane stops using it while one more call could outlast it and
 * gives the rest back, so another node that takes over after a crash never overlaps a live call.
 */
final class Lane implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Lane.class.getName());
    private static final int BATCH = 20;
    /** Threads per subscriber: one working, the others possibly stuck in calls abandoned at the time box. */
    private static final int THREADS = 4;

    private final Subscriber subscriber;
    private final Storage storage;
    private final Clock clock;
    private final Duration pollInterval;
    private final TimeBox box;
    private final Semaphore wake = new Semaphore(0);
    private final Passes passes = new Passes();
    private final Thread thread;
    private volatile boolean closed;
    private boolean failing;

    private final Tally tally;

    Lane(Subscriber subscriber, Storage storage, Clock clock, Duration pollInterval, Tally tally) {
        this.tally = tally;
        this.subscriber = subscriber;
        this.storage = storage;
        this.clock = clock;
        this.pollInterval = pollInterval;
        String kind = subscriber instanceof Listeners ? "rapport-listeners" : "rapport-notifier-" + subscriber.name();
        this.box = new TimeBox(kind, THREADS, subscriber.interruptible());
        this.thread = new Thread(this::loop, "rapport-delivery-" + subscriber.name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** There may be work: look now rather than at the next poll. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        while (!closed) {
            boolean worked = false;
            long number = passes.begin();
            try {
                worked = pass();
                failing = false;
                if (!worked) {
                    passes.clean(number);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Once per outage at WARNING, not at every poll while the database is away.
                LOG.log(failing ? Level.DEBUG : Level.WARNING, "Delivery to " + subscriber.name()
                        + " failed; trying again every " + pollInterval, e);
                failing = true;
            }
            if (!worked && !closed) {
                try {
                    wake.tryAcquire(pollInterval.toNanos(), TimeUnit.NANOSECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One batch; false when nothing was due. */
    private boolean pass() throws InterruptedException {
        if (!subscriber.active()) {
            return false;
        }
        var policy = subscriber.policy();
        Instant now = clock.instant();
        var lease = new Lease(UUID.randomUUID().toString(), now.plus(policy.timeout().multipliedBy(2)));
        var batch = storage.inTransaction(tx -> claim(tx, lease, now));
        var claimed = batch.concerned();
        for (int i = 0; i < batch.completed(); i++) {
            tally.delivery(Figures.Outcome.DELIVERED);
        }
        int next = 0;
        try {
            while (next < claimed.size() && !closed
                    && !clock.instant().plus(policy.timeout()).isAfter(lease.until())) {
                if (!attempt(claimed.get(next), lease)) {
                    break;
                }
                next++;
            }
        } finally {
            var unattempted = claimed.subList(next, claimed.size()).stream().map(PendingDelivery::id).toList();
            if (!unattempted.isEmpty()) {
                storage.inTransaction(tx -> {
                    tx.deliveries().release(unattempted, lease.token());
                    return null;
                });
            }
        }
        return !claimed.isEmpty() || batch.completed() > 0;
    }

    /** A claimed batch: the deliveries to attempt, and how many were completed at once as of no concern. */
    private record Batch(List<PendingDelivery> concerned, int completed) {
    }

    private Batch claim(Transaction tx, Lease lease, Instant now) {
        var concerned = new ArrayList<PendingDelivery>();
        int completed = 0;
        for (var delivery : tx.deliveries().claim(subscriber.name(), lease, now, BATCH)) {
            if (subscriber.concerns(delivery.event())) {
                concerned.add(delivery);
            } else if (tx.deliveries().markDelivered(delivery.id(), lease.token(), delivery.attempts() + 1, now,
                    Optional.empty())) {
                completed++;
            }
        }
        return new Batch(concerned, completed);
    }

    /** Calls the subscriber and records the outcome; false when the lane closed meanwhile and recorded nothing. */
    private boolean attempt(PendingDelivery delivery, Lease lease) throws InterruptedException {
        var policy = subscriber.policy();
        Delivery outcome;
        Callable<Delivery> call = null;
        try {
            call = subscriber.call(delivery, storage);
            outcome = switch (box.run(call, policy.timeout())) {
                case TimeBox.Outcome.Returned<Delivery> returned -> returned.value() == null
                        ? new Delivery.RetryLater(Duration.ZERO, "the subscriber answered nothing") : returned.value();
                case TimeBox.Outcome.Threw<Delivery> threw ->
                        new Delivery.RetryLater(Duration.ZERO, "threw " + threw.failure().getClass().getName());
                case TimeBox.Outcome.Overran<Delivery> overran ->
                        new Delivery.RetryLater(Duration.ZERO, "no answer within " + overran.limit());
                case TimeBox.Outcome.Busy<Delivery> busy ->
                        new Delivery.RetryLater(Duration.ZERO, "all " + busy.threads() + " threads still in earlier calls");
            };
        } catch (RuntimeException e) {
            // Preparing the call failed (e.g. reading the recipients): the storage's trouble, tried again later.
            outcome = new Delivery.RetryLater(Duration.ZERO, "could not prepare the call: " + e.getClass().getName());
        }
        if (outcome instanceof Delivery.Delivered && call != null) {
            try {
                outcome = subscriber.settle(delivery, call, outcome, storage);
            } catch (RuntimeException e) {
                outcome = new Delivery.RetryLater(Duration.ZERO, "could not keep the result: " + e.getClass().getName());
            }
        }
        if (closed && !(outcome instanceof Delivery.Delivered)) {
            return false;
        }
        record(delivery, lease, outcome);
        return true;
    }

    private void record(PendingDelivery delivery, Lease lease, Delivery outcome) {
        int attempts = delivery.attempts() + 1;
        Instant at = clock.instant();
        var verdict = Verdict.of(outcome, attempts, at, subscriber.policy(), ThreadLocalRandom.current().nextDouble(),
                subscriber::safe);
        String token = lease.token();
        boolean kept = storage.inTransaction(tx -> switch (verdict) {
            case Verdict.Done done -> tx.deliveries().markDelivered(delivery.id(), token, attempts, at, done.receipt());
            case Verdict.Again again -> tx.deliveries().scheduleRetry(delivery.id(), token, attempts, again.at(),
                    again.reason());
            case Verdict.Dead dead -> tx.deliveries().markDead(delivery.id(), token, attempts, at, dead.why());
        });
        if (kept) {
            tally.delivery(switch (verdict) {
                case Verdict.Done done -> Figures.Outcome.DELIVERED;
                case Verdict.Again again -> Figures.Outcome.RETRIED;
                case Verdict.Dead dead -> Figures.Outcome.DEAD_LETTERED;
            });
        }
        if (!kept) {
            LOG.log(Level.INFO, "The lease on delivery " + delivery.id() + " to " + subscriber.name()
                    + " ran out before its outcome was recorded; it is delivered again");
        } else if (verdict instanceof Verdict.Dead dead) {
            // Type, position and subject id only: never the event's content, which may quote people.
            LOG.log(Level.WARNING, "Event " + delivery.event().eventType() + " #" + delivery.position() + " (subject "
                    + delivery.event().subjectId() + ") is a dead letter for " + subscriber.name() + ": " + dead.why());
        }
    }

    /** The lane's passes: one that ends clean found nothing of this subscriber's due on this node. */
    Passes passes() {
        return passes;
    }

    /** Stops after the call under way, interrupting it for notifiers; {@link #awaitStop()} waits for the thread. */
    @Override
    public void close() {
        closed = true;
        wake.release();
        box.close(Duration.ZERO);
    }

    /** Waits for the lane's thread after {@link #close()}, at most one time box and a little. */
    void awaitStop() {
        try {
            thread.join(subscriber.policy().timeout().plusSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        box.close(Duration.ofSeconds(1));
    }
}
