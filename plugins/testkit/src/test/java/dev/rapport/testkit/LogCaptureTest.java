package dev.rapport.testkit;

import org.junit.jupiter.api.Test;

import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class LogCaptureTest {
    @Test
    void capturesSystemLoggerLinesAtEveryLevelWithParametersFilledIn() {
        var logger = System.getLogger("dev.rapport.probe");
        try (var log = LogCapture.start()) {
            logger.log(System.Logger.Level.DEBUG, "hello {0}", "world");
            logger.log(System.Logger.Level.WARNING, "trouble", new IllegalStateException("boom"));

            assertThat(log.linesOf("dev.rapport.probe")).hasSize(2);
            assertThat(log.lines().get(0)).isEqualTo("FINE dev.rapport.probe: hello world");
            assertThat(log.lines().get(1)).startsWith("WARNING dev.rapport.probe: trouble").contains("boom");
        }
    }

    @Test
    void closingStopsCapturingAndRestoresTheRootLevel() {
        var root = Logger.getLogger("");
        var level = root.getLevel();
        var log = LogCapture.start();
        log.close();

        System.getLogger("dev.rapport.probe").log(System.Logger.Level.INFO, "after");

        assertThat(log.records()).isEmpty();
        assertThat(root.getLevel()).isEqualTo(level);
    }
}
