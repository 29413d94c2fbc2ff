package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.testkit.Eventually;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Two transactions racing for one row: the holder does its work and stays open until the racer has met the row (it
 * waits for the holder's lock, as the database reports, or it has already finished, as H2 refuses a duplicate key at
 * once), then commits. So the racer always meets an uncommitted row, however slowly the machine runs.
 */
final class Race {
    private static final long PATIENCE_SECONDS = 30;

    private Race() {
    }

    /** The holder's and the racer's results, in that order. */
    static <T> List<T> run(DatabaseCoordinates database, TestStorage storage, Function<Transaction, T> holder,
                           Function<Transaction, T> racer) throws Exception {
        return run(database, storage, holder, storage, racer);
    }

    /** The same with the racer on another storage instance, as another node would be. */
    static <T> List<T> run(DatabaseCoordinates database, TestStorage holderStorage, Function<Transaction, T> holder,
                           TestStorage racerStorage, Function<Transaction, T> racer) throws Exception {
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // Threads of their own: the common pool may have a single thread, which the holder would keep from the racer.
        try (var threads = Executors.newFixedThreadPool(2)) {
            try {
                var first = CompletableFuture.supplyAsync(() -> holderStorage.get(tx -> {
                    T result = holder.apply(tx);
                    held.countDown();
                    awaitQuietly(release);
                    return result;
                }), threads);
                if (!held.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("the holder's transaction did not get its row");
                }
                var second = CompletableFuture.supplyAsync(() -> racerStorage.get(racer), threads);
                Eventually.until("the racer waiting for the holder's row or done",
                        () -> second.isDone() || Contention.seenOn(database));
                release.countDown();
                return List.of(result(first), result(second));
            } finally {
                release.countDown();
            }
        }
    }

    private static <T> T result(CompletableFuture<T> transaction)
            throws InterruptedException, ExecutionException, TimeoutException {
        return transaction.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
