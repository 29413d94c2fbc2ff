package dev.rapport.server;

import dev.rapport.server.health.Readiness;
import io.helidon.webserver.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a node in order, within a deadline: readiness turns DOWN at once (a load balancer sends new requests
 * elsewhere), the web server stops accepting and waits for the requests in flight, then the SDK stops its scans and
 * channels, delivers what is pending for a while and hands what is left back to the database (released, for another
 * node or the next start), and closes the pool. Should the whole take longer than the deadline, the process is halted
 * with status 1: nothing acknowledged is lost that way either (see docs/operations.md, "Durability").
 */
final class GracefulShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    private static final String CLOSE_TIMEOUT_KEY = "rapport.events.close-timeout";

    private final Readiness readiness;
    private final WebServer server;
    private final AutoCloseable sdk;
    private final Duration deadline;
    private final AtomicBoolean begun = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    GracefulShutdown(Readiness readiness, WebServer server, AutoCloseable sdk, Duration deadline) {
        this.readiness = readiness;
        this.server = server;
        this.sdk = sdk;
        this.deadline = deadline;
    }

    /** How long requests in flight may take once a stop began: half the deadline. */
    static Duration requestGrace(Duration deadline) {
        return deadline.dividedBy(2);
    }

    /**
     * The SDK settings with the events' {@code close-timeout} fitted into the deadline, unless configured: a quarter
     * of it, leaving the rest for the lanes' calls under way and the pool.
     */
    static Map<String, String> withEventCloseTimeout(Map<String, String> sdkConfig, Duration deadline) {
        var settings = new TreeMap<>(sdkConfig);
        settings.putIfAbsent(CLOSE_TIMEOUT_KEY, deadline.dividedBy(4).toString());
        return settings;
    }

    /**
     * Stops the node; later calls, from another thread too, wait for the first one to finish. Returns normally once
     * stopped; halts the process should the deadline pass first.
     */
    void run() {
        if (!begun.compareAndSet(false, true)) {
            awaitDone();
            return;
        }
        long started = System.nanoTime();
        var watchdog = Thread.ofPlatform().daemon().name("rapport-shutdown-deadline").start(this::haltAtDeadline);
        try {
            readiness.shutdownBegun();
            LOG.info("Stopping: no new requests; those in flight get up to {} s", requestGrace(deadline).toSeconds());
            server.stop();
            LOG.info("Requests finished; delivering pending events, then closing the database");
            sdk.close();
            LOG.info("Stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (Exception e) {
            // Still a stop: what was not delivered stays in the database for the next start.
            LOG.warn("Stopping failed part way: {}", e.getClass().getName());
        } finally {
            watchdog.interrupt();
            done.countDown();
        }
    }

    private void haltAtDeadline() {
        try {
            Thread.sleep(deadline);
        } catch (InterruptedException e) {
            return; // stopped in time
        }
        LOG.error("Stopping took longer than the shutdown timeout of {} s; halting", deadline.toSeconds());
        Runtime.getRuntime().halt(1);
    }

    private void awaitDone() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
