package dev.rapport.core.internal.survey;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.core.internal.FieldChecks;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** SPEC §6's rules of an answer: the scales, and when a rating calls for service recovery. */
public final class SurveyRules {
    /** A score this low or lower on any 1–5 dimension calls for service recovery. */
    public static final int RECOVERY_AT_OR_BELOW = 2;

    private SurveyRules() {
    }

    /** Every missing or out-of-range score, and a comment that is too long or holds control characters. */
    static List<FieldError> check(SurveyAnswer answer) {
        var checks = FieldChecks.create();
        score(checks, "responseSpeed", answer.responseSpeed(), SurveyAnswer.MIN_SCORE, SurveyAnswer.MAX_SCORE);
        score(checks, "resolution", answer.resolution(), SurveyAnswer.MIN_SCORE, SurveyAnswer.MAX_SCORE);
        score(checks, "attitude", answer.attitude(), SurveyAnswer.MIN_SCORE, SurveyAnswer.MAX_SCORE);
        score(checks, "overall", answer.overall(), SurveyAnswer.MIN_SCORE, SurveyAnswer.MAX_SCORE);
        score(checks, "recommend", answer.recommend(), SurveyAnswer.MIN_RECOMMEND, SurveyAnswer.MAX_RECOMMEND);
        checks.optionalText("comment", answer.comment(), SurveyAnswer.MAX_COMMENT);
        return checks.errors();
    }

    /** The answer as stored: the comment stripped, a blank one dropped. */
    static SurveyAnswer normalized(SurveyAnswer answer) {
        return new SurveyAnswer(answer.responseSpeed(), answer.resolution(), answer.attitude(), answer.overall(),
                answer.recommend(), answer.comment().map(String::strip).filter(c -> !c.isEmpty()));
    }

    /**
     * Whether the answer calls for service recovery (SPEC §6): a score of {@value #RECOVERY_AT_OR_BELOW} or less on any
     * of the four 1–5 dimensions (response speed, resolution, attitude, overall). The 0–10 likelihood to recommend is
     * the NPS question, read in reports, not a dimension of the service.
     */
    public static boolean needsRecovery(SurveyAnswer answer) {
        return Stream.of(answer.responseSpeed(), answer.resolution(), answer.attitude(), answer.overall())
                .anyMatch(score -> score != null && score <= RECOVERY_AT_OR_BELOW);
    }

    /** The survey as of {@code now}: one not answered by its expiry is EXPIRED. */
    static Survey asOf(Survey survey, Instant now) {
        boolean open = survey.state() == SurveyState.PENDING || survey.state() == SurveyState.INVITED;
        return open && !now.isBefore(survey.expiresAt()) ? survey.withState(SurveyState.EXPIRED) : survey;
    }

    private static void score(FieldChecks checks, String field, Integer value, int min, int max) {
        if (value == null) {
            checks.add(field, "is required: a whole number from " + min + " to " + max);
        } else if (value < min || value > max) {
            checks.add(field, "must be from " + min + " to " + max + ", not " + value);
        }
    }
}
