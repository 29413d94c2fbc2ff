package dev.rapport.api.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What customers answered in the surveys of closed tickets.
 *
 * @param answers       how many surveys were answered
 * @param responseSpeed the average score for response speed, 1 to 5; empty without answers
 * @param verySatisfied the answers with an overall score of 5, out of all
 * @param nps           the net promoter score, -100 to 100: the share of answers recommending with 9 or 10 minus
 *                      the share recommending with 0 to 6, in percent
 */
public record SurveyFigures(long answers, Optional<Double> responseSpeed, Optional<Double> resolution,
                            Optional<Double> attitude, Optional<Double> overall, Rate verySatisfied,
                            Optional<Double> nps) {
    /** No answers. */
    public static final SurveyFigures NONE = new SurveyFigures(0, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Rate.NONE, Optional.empty());

    public SurveyFigures {
        Objects.requireNonNull(responseSpeed, "responseSpeed");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(attitude, "attitude");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(verySatisfied, "verySatisfied");
        Objects.requireNonNull(nps, "nps");
    }
}
