package dev.rapport.api.survey;

import java.util.Optional;

/**
 * A customer's rating of one closed ticket (SPEC §6). As a command a missing score is {@code null}, which the SDK
 * refuses naming the field; an answer the SDK hands back has every score.
 *
 * @param responseSpeed how fast the customer was served, 1 (very dissatisfied) to 5 (very satisfied)
 * @param resolution    how well the problem was solved, 1 to 5
 * @param attitude      the staff's attitude, 1 to 5
 * @param overall       overall satisfaction, 1 to 5; 5 is "very satisfied"
 * @param recommend     how likely the customer is to recommend us, 0 to 10 (NPS)
 * @param comment       what the customer wrote, at most {@value #MAX_COMMENT} characters
 */
public record SurveyAnswer(Integer responseSpeed, Integer resolution, Integer attitude, Integer overall,
                           Integer recommend, Optional<String> comment) {
    /** The longest comment taken. */
    public static final int MAX_COMMENT = 2_000;
    /** The lowest and highest score of the four 1–5 dimensions. */
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
    /** The lowest and highest likelihood to recommend. */
    public static final int MIN_RECOMMEND = 0;
    public static final int MAX_RECOMMEND = 10;

    public SurveyAnswer {
        comment = comment == null ? Optional.empty() : comment;
    }

    /** An answer without a comment. */
    public static SurveyAnswer of(int responseSpeed, int resolution, int attitude, int overall, int recommend) {
        return new SurveyAnswer(responseSpeed, resolution, attitude, overall, recommend, Optional.empty());
    }

    /** This answer with {@code text} as its comment. */
    public SurveyAnswer withComment(String text) {
        return new SurveyAnswer(responseSpeed, resolution, attitude, overall, recommend, Optional.ofNullable(text));
    }
}
