package dev.rapport.core;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A scan that runs every {@code interval} on a daemon thread of its own, such as the SLA monitor's: a failed run is
 * logged and the next one comes as planned. A zero interval runs nothing, leaving the scan to whoever calls it.
 */
public final class BackgroundScan implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundScan.class.getName());

    private final ScheduledExecutorService scheduler;

    private BackgroundScan(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts running {@code scan} every {@code interval}, the first time one interval from now.
     *
     * @param name the thread's name and how the log names the scan, e.g. {@code rapport-sla-monitor}
     */
    public static BackgroundScan every(Duration interval, String name, Runnable scan) {
        if (interval.isZero() || interval.isNegative()) {
            return new BackgroundScan(null);
        }
        var scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                scan.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed; retried at the next interval", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new BackgroundScan(scheduler);
    }

    /** Stops the runs; one under way finishes. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
