package dev.rapport.api.spi.survey;

/**
 * One configured survey provider: issues the invitation to rate a ticket once it is closed. Called on an SDK thread,
 * time-boxed; a provider that throws or hangs never affects the closing of the ticket, and the invitation is tried
 * again.
 */
public interface SurveyProvider extends AutoCloseable {
    /**
     * Issues the invitation for one closed ticket. The same request may come again after a crash (at least once,
     * with the same {@link SurveyRequest#surveyId()}); a provider issues one invitation per survey id.
     */
    SurveyInvitation invite(SurveyRequest request);

    /** Releases connections and threads; idempotent. */
    @Override
    void close();
}
