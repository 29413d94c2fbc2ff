package dev.rapport.testkit;

import dev.rapport.testkit.fixture.FixturePollingChannelContract;
import dev.rapport.testkit.fixture.SelfTestOnly;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The polling channel contract passes a sound channel and catches each deliberately broken one. */
class PollingChannelContractSelfTest {
    @Test
    void aSoundChannelPassesEveryCheck() {
        Events tests = run(FixturePollingChannelContract.Sound.class);

        assertThat(tests.failed().count()).as(failures(tests)).isZero();
        assertThat(tests.aborted().count()).as("the optional-key checks, skipped: the fixture declares no keys")
                .isEqualTo(2);
        assertThat(tests.succeeded().count()).isEqualTo(18);
    }

    @Test
    void theReplyChecksAreSkippedForAChannelThatCannotReply() {
        Events tests = run(FixturePollingChannelContract.CannotReply.class);

        assertThat(tests.failed().count()).as(failures(tests)).isZero();
        assertThat(tests.aborted().stream().map(PollingChannelContractSelfTest::name).sorted())
                .containsExactly("aReplyReachesTheSenderUnderTheIdItReports()", "aResentReplyKeepsItsId()",
                        "everyOptionalKeyAtItsDefaultMakesAnInstance()", "everyOptionalKeyChangedMakesAnInstance()");
    }

    @Test
    void markingAMessageReadWhenItIsPolledIsCaught() {
        assertThat(failedChecks(FixturePollingChannelContract.MarksReadWhenPolled.class)).containsExactly(
                "aMessageNotAcknowledgedComesAgainUnderTheSameIdAlsoToANewInstance()",
                "anAcknowledgedMessageNeverComesAgainAndTheOthersStay()");
    }

    @Test
    void ignoringAcknowledgementsIsCaught() {
        assertThat(failedChecks(FixturePollingChannelContract.IgnoresAcknowledge.class))
                .containsExactly("anAcknowledgedMessageNeverComesAgainAndTheOthersStay()");
    }

    @Test
    void handingOverTheNewestFirstIsCaught() {
        assertThat(failedChecks(FixturePollingChannelContract.NewestFirst.class))
                .containsExactly("atMostMaxMessagesComeOldestFirst()");
    }

    @Test
    void aNewIdForAMessageHandedOverAgainIsCaught() {
        assertThat(failedChecks(FixturePollingChannelContract.NewIdWhenHandedOverAgain.class)).containsExactly(
                "aMessageNotAcknowledgedComesAgainUnderTheSameIdAlsoToANewInstance()",
                "anAcknowledgedMessageNeverComesAgainAndTheOthersStay()");
    }

    @Test
    void aNewIdForAResentReplyIsCaught() {
        assertThat(failedChecks(FixturePollingChannelContract.NewReplyIdWhenResent.class))
                .containsExactly("aResentReplyKeepsItsId()");
    }

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(SelfTestOnly.PARAMETER, "true")
                .selectors(selectClass(contract)).execute().testEvents();
    }

    private static List<String> failedChecks(Class<?> contract) {
        return run(contract).failed().stream().map(PollingChannelContractSelfTest::name).sorted().toList();
    }

    private static String name(org.junit.platform.testkit.engine.Event event) {
        return event.getTestDescriptor().getDisplayName();
    }

    private static String failures(Events tests) {
        return tests.failed().stream().map(e -> name(e) + ": " + e.getPayload().map(Object::toString).orElse(""))
                .toList().toString();
    }
}
