package dev.rapport.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventuallyTest {
    private static final Eventually BRIEFLY = Eventually.within(Duration.ofMillis(200));

    @Test
    void returnsAsSoonAsTheConditionHoldsRunningTheStepBetweenLooks() {
        var looks = new AtomicInteger();
        var steps = new AtomicInteger();

        Eventually.until("the third look", () -> looks.incrementAndGet() == 3, steps::incrementAndGet);

        assertThat(looks).hasValue(3);
        assertThat(steps).hasValue(2);
    }

    @Test
    void aConditionThatHoldsAtOnceRunsNoStep() {
        var steps = new AtomicInteger();

        Eventually.until("nothing", () -> true, steps::incrementAndGet);

        assertThat(steps).hasValue(0);
    }

    @Test
    void givesUpNamingWhatItWaitedFor() {
        assertThatThrownBy(() -> BRIEFLY.waitUntil("the moon to turn blue", () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the moon to turn blue");
    }

    @Test
    void returnsTheValueOnceTheProbeHasOne() {
        var looks = new AtomicInteger();

        String value = Eventually.value("a value", () -> looks.incrementAndGet() < 3 ? Optional.empty()
                : Optional.of("found"));

        assertThat(value).isEqualTo("found");
    }

    @Test
    void anAssertionThatNeverPassesExplainsWhyWithItsLastFailure() {
        var looks = new AtomicInteger();

        assertThatThrownBy(() -> BRIEFLY.waitUntilAsserted("a count of zero",
                () -> assertThat(looks.incrementAndGet()).as("looks").isZero()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a count of zero")
                .cause().hasMessageContaining("looks");
    }

    @Test
    void anAssertionThatPassesLaterEndsTheWait() {
        var looks = new AtomicInteger();

        Eventually.untilAsserted("three looks", () -> assertThat(looks.incrementAndGet()).isGreaterThanOrEqualTo(3));

        assertThat(looks).hasValue(3);
    }

    @Test
    void thePatienceIsThirtySecondsUnlessTheSystemPropertySaysOtherwise() {
        String before = System.getProperty(Eventually.PATIENCE_PROPERTY);
        try {
            System.clearProperty(Eventually.PATIENCE_PROPERTY);
            assertThat(Eventually.patience()).isEqualTo(Duration.ofSeconds(30));

            System.setProperty(Eventually.PATIENCE_PROPERTY, " 90 ");
            assertThat(Eventually.patience()).isEqualTo(Duration.ofSeconds(90));
        } finally {
            if (before == null) {
                System.clearProperty(Eventually.PATIENCE_PROPERTY);
            } else {
                System.setProperty(Eventually.PATIENCE_PROPERTY, before);
            }
        }
    }

    @Test
    void refusesANonPositivePatience() {
        assertThatThrownBy(() -> Eventually.within(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
