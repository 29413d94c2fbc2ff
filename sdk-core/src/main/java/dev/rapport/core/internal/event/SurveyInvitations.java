package dev.rapport.core.internal.event;

import dev.rapport.api.event.SurveyRequested;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.spi.survey.SurveyInvitation;
import dev.rapport.api.spi.survey.SurveyRequest;

import java.util.Optional;

/**
 * The survey rules a survey provider's subscriber relies on: which invitation is due, and keeping what was issued. Both
 * work in the subscriber's transaction, so the rules need nothing of the delivery that calls them.
 */
public interface SurveyInvitations {
    /** The request to hand the provider for the survey {@code event} created, while it still waits for its invitation. */
    Optional<SurveyRequest> due(Transaction tx, SurveyRequested event);

    /** Keeps the invitation the provider issued on its survey, with its events, in {@code tx}. */
    void invited(Transaction tx, SurveyRequest request, SurveyInvitation invitation);
}
