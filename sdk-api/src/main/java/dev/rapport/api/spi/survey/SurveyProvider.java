package dev.rapport.api.spi.survey;

/**
 * One configured survey provider: issues the invitation to rate a ticket once it is closed. Called from the outbox on
 * an SDK thread, time-boxed, and retried with back-off when it throws or overruns (a dead letter after the configured
 * attempts); a provider that throws or hangs never affects the closing of the ticket.
 *
 * <p>The SDK keeps what the provider returns and enforces the rest: one answer per survey, none after it expired.
 */
public interface SurveyProvider extends AutoCloseable {
    /**
     * Issues the invitation for one closed ticket. The same request may come again after a failure or a crash, on any
     * node (at least once, with the same {@link SurveyRequest#surveyId()}): a provider issues one invitation per survey
     * id, so it answers the same token again.
     *
     * @throws RuntimeException when the invitation could not be issued now; the SDK tries again later
     */
    SurveyInvitation invite(SurveyRequest request);

    /** Releases connections and threads; idempotent. */
    @Override
    void close();
}
