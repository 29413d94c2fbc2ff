package dev.rapport.testkit;

import dev.rapport.testkit.fixture.FixtureArchitectureContract;
import dev.rapport.testkit.fixture.FixtureBlobStoreContract;
import dev.rapport.testkit.fixture.FixtureDeclaredNotifierContract;
import dev.rapport.testkit.fixture.FixtureNotifierContract;
import dev.rapport.testkit.fixture.SelfTestOnly;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The contracts pass a sound plugin and catch each deliberately broken one on the check that concerns it. */
class ContractSelfTest {
    @Test
    void aSoundNotifierPassesEveryCheckOfTheRemoteNotifierContract() {
        Events tests = run(FixtureNotifierContract.Sound.class);

        assertThat(tests.failed().count()).as(failures(tests)).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(16);
    }

    @Test
    void aSecretInToStringIsCaught() {
        assertThat(failedChecks(FixtureNotifierContract.SecretInToString.class))
                .containsExactly("noSecretValueInToStringErrorsOrLogs()");
    }

    @Test
    void aThreadLeftRunningAfterCloseIsCaught() {
        assertThat(failedChecks(FixtureNotifierContract.LeaksAThread.class))
                .containsExactly("closeIsIdempotentAndLeavesNoThreadBehind()");
    }

    @Test
    void waitingForAHungPeerBeyondTheOwnTimeoutIsCaught() {
        assertThat(failedChecks(FixtureNotifierContract.IgnoresTimeout.class))
                .containsExactly("aHungPeerIsGivenUpWithinTheNotifiersOwnTimeout()");
    }

    @Test
    void retryingARefusalIsCaught() {
        assertThat(failedChecks(FixtureNotifierContract.RetriesRefusals.class)).containsExactly("aRefusalIsRejected()");
    }

    @Test
    void takingTheSdksOwnKeyIsCaught() {
        assertThat(failedChecks(FixtureNotifierContract.TakesTheSdksTimeout.class))
                .containsExactly("theSdksDeliveryKeysAreLeftToTheSdk()");
    }

    @Test
    void acceptingUnknownKeysIsCaught() {
        assertThat(failedChecks(FixtureNotifierContract.AcceptsUnknownKeys.class))
                .containsExactly("anUnknownKeyIsRefusedByName()", "theSdksDeliveryKeysAreLeftToTheSdk()");
    }

    @Test
    void aNotifierDeclaringItsKeysHasEachOptionalKeyExercisedAtItsDefaultAndChanged() {
        Events tests = run(FixtureDeclaredNotifierContract.Sound.class);

        assertThat(tests.failed().count()).as(failures(tests)).isZero();
        assertThat(tests.aborted().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(14);
    }

    @Test
    void aDeclaredKeyTheFactoryNeverReadsIsCaught() {
        assertThat(failedChecks(FixtureDeclaredNotifierContract.IgnoresADeclaredKey.class)).containsExactly(
                "everyOptionalKeyAtItsDefaultMakesAnInstance()", "everyOptionalKeyChangedMakesAnInstance()");
    }

    @Test
    void refusingItsOwnDeclaredDefaultIsCaught() {
        assertThat(failedChecks(FixtureDeclaredNotifierContract.RefusesItsOwnDefault.class)).contains(
                "everyOptionalKeyAtItsDefaultMakesAnInstance()").doesNotContain("everyOptionalKeyChangedMakesAnInstance()");
    }

    @Test
    void anOptionalTextKeyWithoutAChangedValueIsCaught() {
        assertThat(failedChecks(FixtureDeclaredNotifierContract.NoChangedText.class))
                .containsExactly("everyOptionalKeyChangedMakesAnInstance()");
    }

    @Test
    void theArchitectureContractCatchesPublicTypesBesideFactoriesAndUndeclaredLibraries() {
        assertThat(failedChecks(FixtureArchitectureContract.class)).containsExactly(
                "onlyTheFactoriesAndWhatTheTestAddsArePublic()", "thePluginBringsOnlyTheLibrariesItDeclares()");
        assertThat(failedChecks(FixtureArchitectureContract.DeclaringItsLibraries.class))
                .containsExactly("onlyTheFactoriesAndWhatTheTestAddsArePublic()");
    }

    @Test
    void aSoundBlobStorePassesEveryCheckOfTheBlobStoreContract() {
        Events tests = run(FixtureBlobStoreContract.Sound.class);

        assertThat(tests.failed().count()).as(failures(tests)).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(23);
    }

    @Test
    void readingAllOfTheContentBeforeLookingAtTheLimitIsCaught() {
        assertThat(failedChecks(FixtureBlobStoreContract.ReadsPastTheLimit.class))
                .containsExactly("contentOverTheLimitIsRefusedHavingReadAtMostOneBytePastItLeavingNothing()");
    }

    @Test
    void keepingWhatArrivedOfAFailedPutIsCaught() {
        assertThat(failedChecks(FixtureBlobStoreContract.KeepsFailedPuts.class)).containsExactly(
                "aRuntimeExceptionOfTheContentIsRethrownUnchangedLeavingNothing()",
                "anIOExceptionOfTheContentIsAnUncheckedIOExceptionLeavingNothing()",
                "contentOverTheLimitIsRefusedHavingReadAtMostOneBytePastItLeavingNothing()");
    }

    @Test
    void wrappingTheContentsRuntimeExceptionIsCaught() {
        assertThat(failedChecks(FixtureBlobStoreContract.WrapsRuntimeExceptions.class))
                .containsExactly("aRuntimeExceptionOfTheContentIsRethrownUnchangedLeavingNothing()");
    }

    @Test
    void closingTheCallersContentIsCaught() {
        assertThat(failedChecks(FixtureBlobStoreContract.ClosesContent.class))
                .containsExactly("theContentIsLeftOpenForTheCaller()");
    }

    @Test
    void givingEqualContentOneKeyIsCaught() {
        assertThat(failedChecks(FixtureBlobStoreContract.KeysByContent.class))
                .containsExactly("twoPutsOfTheSameContentGetKeysOfTheirOwn()");
    }

    @Test
    void theBrokenFixturesAreSkippedWhenABuildSelectsThemByAccident() {
        var containers = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FixtureNotifierContract.LeaksAThread.class),
                        selectClass(FixtureBlobStoreContract.KeepsFailedPuts.class))
                .execute().containerEvents();

        assertThat(containers.skipped().count()).isEqualTo(2);
        assertThat(containers.failed().count()).isZero();
    }

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(SelfTestOnly.PARAMETER, "true")
                .selectors(selectClass(contract)).execute().testEvents();
    }

    private static java.util.List<String> failedChecks(Class<?> contract) {
        return run(contract).failed().stream().map(e -> e.getTestDescriptor().getDisplayName()).sorted().toList();
    }

    private static String failures(Events tests) {
        return tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
                + e.getPayload().map(Object::toString).orElse("")).toList().toString();
    }
}
