package dev.rapport.api.survey;

import dev.rapport.api.Identifier;

/** The id of a survey: one invitation to rate one closed ticket. */
public record SurveyId(String value) implements Identifier {
    public SurveyId {
        Identifier.checked(value, "SurveyId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static SurveyId of(String value) {
        return new SurveyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
