package dev.rapport.core.internal.plugin;

import dev.rapport.testkit.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TimeBoxTest {
    @Test
    void aCallReturnsThrowsOrOverrunsAndTheCallerIsBackInTime() throws Exception {
        try (var box = new TimeBox("test-box", 2, true)) {
            var returned = box.run(() -> "ok", Duration.ofSeconds(1));
            var failure = new IllegalStateException("broken");
            var threw = box.run(() -> {
                throw failure;
            }, Duration.ofSeconds(1));
            long start = System.nanoTime();
            var overran = box.run(() -> {
                Thread.sleep(Duration.ofMinutes(1));
                return "late";
            }, Duration.ofMillis(100));

            assertThat(returned).isEqualTo(new TimeBox.Outcome.Returned<>("ok"));
            assertThat(threw).isEqualTo(new TimeBox.Outcome.Threw<>(failure));
            assertThat(overran).isEqualTo(new TimeBox.Outcome.Overran<>(Duration.ofMillis(100)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void callsStuckBeyondTheTimeBoxUseUpItsThreadsAndThenNoMoreAreMade() throws Exception {
        var never = new CountDownLatch(1);
        var box = new TimeBox("test-stuck", 2, false);
        try {
            for (int i = 0; i < 2; i++) {
                assertThat(box.run(() -> {
                    awaitIgnoringInterrupts(never);
                    return "late";
                }, Duration.ofMillis(50))).isInstanceOf(TimeBox.Outcome.Overran.class);
            }

            var busy = box.run(() -> "ok", Duration.ofSeconds(1));
            never.countDown();
            // The stuck calls return in their own time; until then the box stays busy.
            var afterwards = Eventually.value("a call once the stuck ones returned", () -> {
                var outcome = run(box, () -> "ok");
                return outcome instanceof TimeBox.Outcome.Busy ? Optional.empty() : Optional.of(outcome);
            });

            assertThat(busy).isEqualTo(new TimeBox.Outcome.Busy<>(2));
            assertThat(afterwards).isEqualTo(new TimeBox.Outcome.Returned<>("ok"));
        } finally {
            never.countDown();
            box.close();
        }
    }

    @Test
    void closingInterruptsCallsUnderWayWhenAllowed() throws Exception {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        var box = new TimeBox("test-close", 2, true);
        var caller = Thread.ofPlatform().start(() -> {
            try {
                box.run(() -> {
                    started.countDown();
                    try {
                        Thread.sleep(Duration.ofMinutes(1));
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return "done";
                }, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

        box.close();

        assertThat(interrupted.await(1, TimeUnit.MINUTES)).isTrue();
        caller.join(Duration.ofSeconds(5));
        assertThat(caller.isAlive()).isFalse();
    }

    private static <T> TimeBox.Outcome<T> run(TimeBox box, Callable<T> call) {
        try {
            return box.run(call, Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // a plugin that ignores interrupts
            }
        }
    }
}
