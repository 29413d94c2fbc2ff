package dev.rapport.server.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How long the server waits for a slow client: a connection whose headers, or the next piece of whose body, take
 * longer than the timeout to arrive is closed, so that slow or stalled clients cannot hold connections (and file
 * descriptors) open. Helidon's idle-connection timeout covers a connection between requests and a request line that
 * never ends, but leaves a connection that stalls within its headers or body open for good; this closes those.
 *
 * <p>A waiting connection's thread is interrupted, which closes a channel blocked in a read; the connection then
 * ends without an answer and without a log line (the client sent nothing worth answering). Thread-safe.
 */
public final class ClientPatience implements Http1ConnectionListener {
    /** Every server's waits, swept by one daemon thread per JVM: nothing to stop when a server stops. */
    private static final Map<Thread, Wait> WAITS = new ConcurrentHashMap<>();
    private static final long SWEEP_MILLIS = 100;
    private static final ScheduledExecutorService SWEEPER = sweeper();

    private final long timeoutNanos;

    /** One read the client is awaited for. Settled once: by the read returning, or by running out of patience. */
    private static final class Wait {
        private final Thread thread = Thread.currentThread();
        private final long deadline;
        private boolean settled;
        private boolean interrupted;

        private Wait(long deadline) {
            this.deadline = deadline;
        }

        synchronized void expireIfDue(long now) {
            if (!settled && now - deadline >= 0) {
                settled = true;
                interrupted = true;
                thread.interrupt();
            }
        }

        /** @return whether the wait had run out of patience (the thread's interrupt is then cleared) */
        synchronized boolean settle() {
            settled = true;
            if (interrupted) {
                Thread.interrupted();
            }
            return interrupted;
        }
    }

    /** @param timeout how long each awaited read may take; positive */
    public ClientPatience(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
    }

    private static ScheduledExecutorService sweeper() {
        var sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "rapport-client-patience");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleAtFixedRate(ClientPatience::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        begin();
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        end();
    }

    /** The request body, each read of which the client has the timeout to answer. */
    public InputStream body(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                begin();
                try {
                    return super.read();
                } finally {
                    end();
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                begin();
                try {
                    return super.read(b, off, len);
                } finally {
                    end();
                }
            }
        };
    }

    private void begin() {
        WAITS.put(Thread.currentThread(), new Wait(System.nanoTime() + timeoutNanos));
    }

    private void end() {
        var wait = WAITS.remove(Thread.currentThread());
        if (wait != null && wait.settle()) {
            throw new CloseConnectionException("The client sent nothing for longer than the server waits");
        }
    }

    private static void sweep() {
        long now = System.nanoTime();
        WAITS.values().forEach(wait -> wait.expireIfDue(now));
        // A connection closed while its headers were awaited never ends its wait.
        WAITS.values().removeIf(wait -> !wait.thread.isAlive());
    }
}
