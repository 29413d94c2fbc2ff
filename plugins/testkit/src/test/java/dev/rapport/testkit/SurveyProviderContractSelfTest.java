package dev.rapport.testkit;

import dev.rapport.testkit.fixture.FixtureSurveyProviderContract;
import dev.rapport.testkit.fixture.SelfTestOnly;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** {@link SurveyProviderContract} passes a sound provider and catches each deliberately broken one where it breaks. */
class SurveyProviderContractSelfTest {
    @Test
    void aSoundProviderPassesEveryCheck() {
        Events tests = run(FixtureSurveyProviderContract.Sound.class);

        assertThat(tests.failed().count()).as(failures(tests)).isZero();
        assertThat(tests.aborted().count()).as("skipped checks: the optional-key checks, as the fixture declares no "
                + "keys").isEqualTo(2);
        assertThat(tests.succeeded().count()).isEqualTo(13);
    }

    @Test
    void aNewTokenForARetriedInvitationIsCaught() {
        assertThat(failedChecks(FixtureSurveyProviderContract.NewTokenEveryTime.class))
                .containsExactly("concurrentRequestsGetTheTokensOfTheirOwnSurveys()",
                        "theSameRequestTwiceGivesTheSameTokenAlsoOnAnotherInstance()");
    }

    @Test
    void oneTokenForEverySurveyIsCaught() {
        assertThat(failedChecks(FixtureSurveyProviderContract.OneTokenForAll.class))
                .containsExactly("differentSurveysGetDifferentTokens()");
    }

    @Test
    void aTokenMadeFromTheSurveyIdIsCaught() {
        assertThat(failedChecks(FixtureSurveyProviderContract.SurveyIdAsToken.class))
                .containsExactly("anInvitationIsAnUnguessableUrlSafeTokenAndALinkWithNothingElseInIt()");
    }

    @Test
    void theTicketNumberInTheLinkIsCaught() {
        assertThat(failedChecks(FixtureSurveyProviderContract.NumberInLink.class))
                .containsExactly("anInvitationIsAnUnguessableUrlSafeTokenAndALinkWithNothingElseInIt()");
    }

    @Test
    void theSecretInTheLinkIsCaught() {
        assertThat(failedChecks(FixtureSurveyProviderContract.SecretInLink.class))
                .containsExactly("anInvitationIsAnUnguessableUrlSafeTokenAndALinkWithNothingElseInIt()");
    }

    @Test
    void breakingUnderConcurrentRequestsIsCaught() {
        assertThat(failedChecks(FixtureSurveyProviderContract.SharedMac.class))
                .containsExactly("concurrentRequestsGetTheTokensOfTheirOwnSurveys()");
    }

    @Test
    void takingOneOfTheSdksKeysIsCaught() {
        assertThat(failedChecks(FixtureSurveyProviderContract.TakesTheSdksTimeout.class))
                .containsExactly("theSdksDeliveryKeysAreLeftToTheSdk()");
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
