package dev.rapport.testkit;

import dev.rapport.testkit.fixture.FixturePushChannelContract;
import dev.rapport.testkit.fixture.SelfTestOnly;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** {@link PushChannelContract} passes a sound channel and catches each deliberately broken one where it breaks. */
class PushChannelContractSelfTest {
    @Test
    void aSoundReplyingChannelPassesEveryCheck() {
        Events tests = run(FixturePushChannelContract.Sound.class);

        assertThat(tests.failed().count()).as(failures(tests)).isZero();
        assertThat(tests.aborted().count()).as("skipped checks: the optional-key checks, as the fixture declares no "
                + "keys").isEqualTo(2);
        assertThat(tests.succeeded().count()).isEqualTo(19);
    }

    @Test
    void aNewIdForAMessageReceivedAgainIsCaught() {
        assertThat(failedChecks(FixturePushChannelContract.NewIdEveryTime.class))
                .containsExactly("theSameRequestTwiceIsTheSameMessageSoThatTheSdkFilesItOnce()");
    }

    @Test
    void oneIdForDifferentMessagesIsCaught() {
        assertThat(failedChecks(FixturePushChannelContract.OneIdForAll.class))
                .containsExactly("concurrentRequestsAreEachAcceptedAsSent()", "differentRequestsAreDifferentMessages()");
    }

    @Test
    void aSecretInTheReasonForRefusingARequestIsCaught() {
        assertThat(failedChecks(FixturePushChannelContract.SecretInReason.class))
                .containsExactly("anUnauthenticatedRequestIsRefusedWithoutShowingASecret()");
    }

    @Test
    void breakingUnderConcurrentRequestsIsCaught() {
        assertThat(failedChecks(FixturePushChannelContract.OneAtATime.class))
                .containsExactly("concurrentRequestsAreEachAcceptedAsSent()");
    }

    @Test
    void throwingOnAnInvalidRequestIsCaught() {
        assertThat(failedChecks(FixturePushChannelContract.ThrowsOnInvalid.class))
                .containsExactly("anInvalidRequestNamesItsBadFields()");
    }

    @Test
    void retryingARefusedReplyIsCaught() {
        assertThat(failedChecks(FixturePushChannelContract.RetriesRefusals.class)).containsExactly("aRefusalIsRejected()");
    }

    @Test
    void takingOneOfTheSdksKeysIsCaught() {
        assertThat(failedChecks(FixturePushChannelContract.TakesTheSdksRateLimit.class))
                .containsExactly("theSdksChannelKeysAreLeftToTheSdk()");
    }

    @Test
    void theBrokenFixturesAreSkippedWhenABuildSelectsThemByAccident() {
        var containers = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FixturePushChannelContract.OneIdForAll.class)).execute().containerEvents();

        assertThat(containers.skipped().count()).isEqualTo(1);
        assertThat(containers.failed().count()).isZero();
    }

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(SelfTestOnly.PARAMETER, "true")
                .selectors(selectClass(contract)).execute().testEvents();
    }

    private static List<String> failedChecks(Class<?> contract) {
        return run(contract).failed().stream().map(e -> e.getTestDescriptor().getDisplayName()).sorted().toList();
    }

    private static String failures(Events tests) {
        return tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
                + e.getPayload().map(Object::toString).orElse("")).toList().toString();
    }
}
