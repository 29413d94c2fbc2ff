package dev.rapport.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what happens on the SDK's background threads. */
public final class Eventually {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private Eventually() {
    }

    /**
     * Runs {@code step} (e.g. moving a test clock and running due work) until {@code done} holds.
     *
     * @throws AssertionError naming {@code what} when it does not within fifteen seconds
     */
    public static void until(String what, BooleanSupplier done, Runnable step) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            step.run();
            Thread.sleep(20);
        }
    }

    /** Waits until {@code done} holds. */
    public static void until(String what, BooleanSupplier done) throws InterruptedException {
        until(what, done, () -> { });
    }
}
