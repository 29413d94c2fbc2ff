package dev.rapport.core.internal.ticket;

import dev.rapport.api.ticket.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityMatrixTest {
    @ParameterizedTest(name = "urgent={0}, important={1} → {2}")
    @CsvSource({"true, true, P1", "false, true, P2", "true, false, P3", "false, false, P4"})
    void followsTheSpecMatrix(boolean urgent, boolean important, Priority expected) {
        assertThat(PriorityMatrix.of(urgent, important)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void thePairOfAPriorityGivesItBack(Priority priority) {
        assertThat(PriorityMatrix.of(PriorityMatrix.urgent(priority), PriorityMatrix.important(priority)))
                .isEqualTo(priority);
    }
}
