package dev.rapport.core.internal.improvement;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.improvement.ImprovementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.rapport.api.improvement.ImprovementState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImprovementLifecycleTest {
    @ParameterizedTest
    @CsvSource({"PROPOSED, IN_PROGRESS", "IN_PROGRESS, DONE"})
    void anUpdateMovesOneStepForwardUpToDone(ImprovementState from, ImprovementState to) {
        assertThatCode(() -> ImprovementLifecycle.requireUpdate(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"PROPOSED, DONE", "PROPOSED, VERIFIED", "IN_PROGRESS, PROPOSED", "DONE, IN_PROGRESS",
            "DONE, VERIFIED", "VERIFIED, DONE", "VERIFIED, PROPOSED"})
    void anUpdateSkippingAStepGoingBackOrVerifyingIsRefusedNamingBothStates(ImprovementState from,
                                                                            ImprovementState to) {
        assertThatThrownBy(() -> ImprovementLifecycle.requireUpdate(from, to))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("improvement.transition.illegal");
                    assertThat(e.getMessage()).contains(from.name()).contains(to.name());
                });
    }

    @Test
    void aVerificationMakesADoneImprovementVerifiedAndKeepsAVerifiedOneSo() {
        assertThat(ImprovementLifecycle.afterVerification(DONE)).isEqualTo(VERIFIED);
        assertThat(ImprovementLifecycle.afterVerification(VERIFIED)).isEqualTo(VERIFIED);
        assertThatThrownBy(() -> ImprovementLifecycle.afterVerification(PROPOSED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ImprovementLifecycle.afterVerification(IN_PROGRESS))
                .isInstanceOf(ConflictException.class);
    }
}
