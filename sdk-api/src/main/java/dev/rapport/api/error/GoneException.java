package dev.rapport.api.error;

/** What the caller names existed but is no longer available, e.g. an expired survey (HTTP 410); nothing was changed. */
public final class GoneException extends RapportException {
    private GoneException(String code, String message) {
        super(code, message);
    }

    /** A survey that took no answer before it expired ({@code survey.expired}). */
    public static GoneException surveyExpired() {
        return new GoneException("survey.expired", "This survey has expired and takes no answer any more");
    }

    /** Any other case, with its stable code. */
    public static GoneException of(String code, String message) {
        return new GoneException(code, message);
    }
}
