package dev.rapport.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that other threads or processes bring about, for tests: the one polling loop every module
 * shares, so no test decides that something happened by sleeping a fixed time.
 *
 * <p>The patience is generous (30 seconds, or the system property {@value #PATIENCE_PROPERTY} in seconds), since a
 * condition that holds returns at once however long the patience is, and a busy CI machine can be slow. The probe is
 * asked again after a short pause that grows from 5 to 50 milliseconds.
 */
public final class Eventually {
    /** The system property that sets the patience in seconds, for a machine slower than usual. */
    public static final String PATIENCE_PROPERTY = "rapport.test.patience";
    private static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(30);
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private final Duration patience;

    private Eventually(Duration patience) {
        this.patience = patience;
    }

    /** Waits with another patience than the default, e.g. for a child process that has to start first. */
    public static Eventually within(Duration patience) {
        if (patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("the patience must be positive, not " + patience);
        }
        return new Eventually(patience);
    }

    /**
     * Waits until {@code done} holds.
     *
     * @throws AssertionError naming {@code what} when it does not hold within the patience
     */
    public static void until(String what, BooleanSupplier done) {
        defaultPatience().waitUntil(what, done, () -> { });
    }

    /**
     * Runs {@code step} (e.g. moving a test clock and running due work) until {@code done} holds; {@code done} is asked
     * first, so a condition that already holds runs no step.
     *
     * @throws AssertionError naming {@code what} when it does not hold within the patience
     */
    public static void until(String what, BooleanSupplier done, Runnable step) {
        defaultPatience().waitUntil(what, done, step);
    }

    /**
     * Waits until {@code probe} has a value and returns it.
     *
     * @throws AssertionError naming {@code what} when it has none within the patience
     */
    public static <T> T value(String what, Supplier<Optional<T>> probe) {
        return defaultPatience().valueOf(what, probe);
    }

    /**
     * Runs {@code assertion} until it passes: for conditions best said as assertions, whose last failure then explains
     * why the wait gave up.
     *
     * @throws AssertionError naming {@code what}, caused by the assertion's last failure, when it never passes
     */
    public static void untilAsserted(String what, Runnable assertion) {
        defaultPatience().waitUntilAsserted(what, assertion);
    }

    /** {@link #until(String, BooleanSupplier)} with this patience. */
    public void waitUntil(String what, BooleanSupplier done) {
        waitUntil(what, done, () -> { });
    }

    /** {@link #until(String, BooleanSupplier, Runnable)} with this patience. */
    public void waitUntil(String what, BooleanSupplier done, Runnable step) {
        valueOf(what, () -> done.getAsBoolean() ? Optional.of(Boolean.TRUE) : stepped(step));
    }

    /** {@link #value(String, Supplier)} with this patience. */
    public <T> T valueOf(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            var value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + patience.toSeconds() + " s waiting for " + what);
            }
            pause(pause);
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    /** {@link #untilAsserted(String, Runnable)} with this patience. */
    public void waitUntilAsserted(String what, Runnable assertion) {
        var last = new AssertionError[1];
        try {
            valueOf(what, () -> {
                try {
                    assertion.run();
                    return Optional.of(Boolean.TRUE);
                } catch (AssertionError failure) {
                    last[0] = failure;
                    return Optional.empty();
                }
            });
        } catch (AssertionError gaveUp) {
            if (last[0] != null) {
                gaveUp.initCause(last[0]);
            }
            throw gaveUp;
        }
    }

    private static Optional<Boolean> stepped(Runnable step) {
        step.run();
        return Optional.empty();
    }

    /**
     * The patience of the static methods: 30 seconds, or the system property {@value #PATIENCE_PROPERTY} in seconds;
     * for a wait that is not a polling loop (e.g. a method taking a timeout) to be as patient as the others.
     */
    public static Duration patience() {
        String configured = System.getProperty(PATIENCE_PROPERTY);
        return configured == null || configured.isBlank() ? DEFAULT_PATIENCE
                : Duration.ofSeconds(Long.parseLong(configured.strip()));
    }

    private static Eventually defaultPatience() {
        return new Eventually(patience());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
