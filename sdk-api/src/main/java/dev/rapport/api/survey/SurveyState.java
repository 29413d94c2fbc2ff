package dev.rapport.api.survey;

/** Where a survey stands. */
public enum SurveyState {
    /** Created when the ticket closed; the survey provider has not issued the invitation yet. */
    PENDING,
    /** The provider issued the invitation (a token, and a link when it hosts a form); waiting for the answer. */
    INVITED,
    /** Answered; a survey takes one answer. */
    ANSWERED,
    /** Not answered before it expired; it takes no answer any more. */
    EXPIRED
}
