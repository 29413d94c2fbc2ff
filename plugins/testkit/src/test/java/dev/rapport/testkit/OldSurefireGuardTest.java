package dev.rapport.testkit;

import dev.rapport.testkit.fixture.FixtureNotifierContract;
import org.junit.jupiter.api.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build whose Surefire predates JUnit 5 runs the contract with JUnit 4, as Surefire's JUnit 4 provider does: it
 * fails, saying why, instead of passing with no check run.
 */
class OldSurefireGuardTest {
    @Test
    void aContractRunByJUnit4FailsAndSaysToPinSurefire3() {
        Result result = new JUnitCore().run(FixtureNotifierContract.Sound.class);

        assertThat(result.wasSuccessful()).isFalse();
        assertThat(result.getFailures()).map(Failure::getMessage)
                .containsExactly(PluginContract.WITHOUT_JUNIT_5);
        assertThat(result.getRunCount()).as("JUnit 4 runs none of the JUnit 5 checks").isEqualTo(1);
    }
}
