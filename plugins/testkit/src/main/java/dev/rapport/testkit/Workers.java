package dev.rapport.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Threads for the contracts' concurrency checks, named {@code rapport-testkit-…} so that the check for threads left
 * behind ignores them. A task that never ends fails its check after {@link #PATIENCE} instead of hanging the build.
 */
final class Workers implements AutoCloseable {
    /** How long a check waits for one task: far beyond what a sound plugin needs, short of a stuck build. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ExecutorService executor;

    private Workers(String name) {
        executor = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("rapport-testkit-" + name + "-", 1)
                .factory());
    }

    /** Threads named {@code rapport-testkit-<name>-1}, {@code -2}, …; close to stop them. */
    static Workers named(String name) {
        return new Workers(name);
    }

    /** Runs every task on a thread of its own, all at once, and returns their results in the order of the tasks. */
    static <T> List<T> runAll(String name, List<? extends Callable<T>> tasks) {
        try (var workers = named(name)) {
            var futures = new ArrayList<Future<T>>();
            for (Callable<T> task : tasks) {
                futures.add(workers.start(task));
            }
            var results = new ArrayList<T>();
            for (Future<T> future : futures) {
                results.add(await(future));
            }
            return results;
        }
    }

    /** Starts {@code task} on a thread of its own. */
    <T> Future<T> start(Callable<T> task) {
        return executor.submit(task);
    }

    /**
     * The result of {@code future}, waiting at most {@link #PATIENCE}; what the task threw is thrown again as it was
     * when unchecked.
     */
    static <T> T await(Future<T> future) {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError("a concurrent task failed", e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("a concurrent task did not finish within " + PATIENCE + " (blocked?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a concurrent task", e);
        }
    }

    /** Interrupts what still runs; the threads end with their tasks. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
