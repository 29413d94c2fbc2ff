package dev.rapport.core.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A scan that runs every {@code interval} on a daemon thread of its own, such as the SLA monitor's: a failed run is
 * logged and the next one comes as planned. A zero interval runs nothing, leaving the scan to whoever calls it.
 *
 * <p>A scan that works in batches asks {@link #stopping()} between them, so that {@link #close()} ends it after the
 * batch in hand and the storage it writes to can close behind it.
 */
public final class BackgroundScan implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundScan.class.getName());
    /** Long enough for any one batch; a scan still running after it is left to its daemon thread. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String name;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BackgroundScan(String name) {
        this.name = name;
    }

    /**
     * Starts running {@code scan} every {@code interval}, the first time one interval from now.
     *
     * @param name the thread's name and how the log names the scan, e.g. {@code rapport-sla-monitor}
     */
    public static BackgroundScan every(Duration interval, String name, Runnable scan) {
        return named(name).start(interval, scan);
    }

    /** A scan nobody runs in the background yet; {@link #start} it, or leave it to whoever calls it. */
    public static BackgroundScan named(String name) {
        return new BackgroundScan(name);
    }

    /**
     * Starts running {@code scan} every {@code interval}, the first time one interval from now; a zero interval
     * starts nothing.
     */
    public BackgroundScan start(Duration interval, Runnable scan) {
        if (interval.isZero() || interval.isNegative() || stopping) {
            return this;
        }
        var started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(() -> {
            if (stopping) {
                return;
            }
            try {
                scan.run();
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.log(Level.WARNING, name + " failed; retried at the next interval", e);
                }
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
        return this;
    }

    /**
     * Waits {@code pause} between two batches, or less when {@link #close()} is called meanwhile.
     *
     * @return false when the scan is stopping: it should end now
     */
    public boolean pause(Duration pause) {
        if (stopping) {
            return false;
        }
        try {
            return !stopped.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether {@link #close()} was called: a scan stops before its next batch. */
    public boolean stopping() {
        return stopping;
    }

    /** Stops the runs: one under way ends after its batch in hand, and this waits for it (at most 30 s). */
    @Override
    public void close() {
        stopping = true;
        stopped.countDown();
        var running = scheduler;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.INFO, name + " still runs after " + PATIENCE + "; it is left to stop on its own");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
