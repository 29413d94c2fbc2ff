package dev.rapport.api.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The corrective actions of SPEC §6 as a report sees them.
 *
 * @param open          improvements opened before the period ended and not verified yet
 * @param verifications verification scores recorded in the period
 * @param averageScore  their mean, 1 to 5; empty without any
 */
public record ImprovementFigures(long open, long verifications, Optional<Double> averageScore) {
    /** Nothing to count. */
    public static final ImprovementFigures NONE = new ImprovementFigures(0, 0, Optional.empty());

    public ImprovementFigures {
        Objects.requireNonNull(averageScore, "averageScore");
    }
}
