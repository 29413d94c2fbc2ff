package dev.rapport.core.internal.plugin;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs calls into code the SDK does not control (a plugin, a host's listener) on threads of their own, each call
 * limited in time. A call that overruns is abandoned: it keeps its thread until it returns, and at most
 * {@code threads} such threads exist per box, so a hung plugin costs a few threads, never the caller's. Calls are
 * meant to come one at a time (from one delivery lane).
 */
public final class TimeBox implements AutoCloseable {
    /** What became of one call. */
    public sealed interface Outcome<T> {
        /** The call returned {@code value}. */
        record Returned<T>(T value) implements Outcome<T> {
        }

        /** The call threw {@code failure}. */
        record Threw<T>(Throwable failure) implements Outcome<T> {
        }

        /** The call did not return within {@code limit}; it was abandoned. */
        record Overran<T>(Duration limit) implements Outcome<T> {
        }

        /** Every thread of the box is still stuck in an earlier, abandoned call: not called at all. */
        record Busy<T>(int threads) implements Outcome<T> {
        }
    }

    private final ThreadPoolExecutor pool;
    private final boolean interrupt;
    private final int threads;
    /** Calls under way on the box's threads, abandoned ones included. */
    private final AtomicInteger inCall = new AtomicInteger();

    /**
     * @param name      the threads' name prefix, e.g. {@code rapport-notifier-ops}
     * @param threads   at most this many threads: one working, the others possibly stuck in abandoned calls
     * @param interrupt whether an abandoned call, and every call at {@link #close}, is interrupted; false for code
     *                  that may be using the SDK's own storage, which an interrupt could break
     */
    public TimeBox(String name, int threads, boolean interrupt) {
        var counter = new AtomicInteger();
        this.threads = threads;
        this.interrupt = interrupt;
        // No queue: a call either gets an idle or new thread, or is refused as Busy.
        this.pool = new ThreadPoolExecutor(0, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            var thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Calls {@code work} and waits at most {@code limit} for it.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting; the call is abandoned
     */
    public <T> Outcome<T> run(Callable<T> work, Duration limit) throws InterruptedException {
        Callable<T> counted = () -> {
            inCall.incrementAndGet();
            try {
                return work.call();
            } finally {
                inCall.decrementAndGet();
            }
        };
        long giveUp = System.nanoTime() + limit.toNanos();
        Future<T> future = null;
        while (future == null) {
            try {
                future = pool.submit(counted);
            } catch (RejectedExecutionException e) {
                // Refused also for a moment after a call returns, until its thread is idle again (the pool still
                // counts it active then): only when every thread is still in a call (or the box is closed) is the box
                // busy; otherwise a thread is about to be idle.
                if (pool.isShutdown() || inCall.get() >= threads || System.nanoTime() - giveUp > 0) {
                    return new Outcome.Busy<>(threads);
                }
                Thread.sleep(1);
            }
        }
        try {
            return new Outcome.Returned<>(future.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return new Outcome.Threw<>(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(interrupt);
            return new Outcome.Overran<>(limit);
        } catch (InterruptedException e) {
            future.cancel(interrupt);
            throw e;
        }
    }

    /**
     * Takes no more calls and waits up to {@code grace} for those under way; with {@code interrupt}, interrupts them
     * first. Threads of calls that ignore interrupts end when the calls return; they are daemons meanwhile.
     */
    public void close(Duration grace) {
        if (interrupt) {
            pool.shutdownNow();
        } else {
            pool.shutdown();
        }
        try {
            pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(1));
    }
}
