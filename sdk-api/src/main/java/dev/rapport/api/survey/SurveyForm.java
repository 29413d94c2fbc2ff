package dev.rapport.api.survey;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What the public survey form may show for a token: nothing that identifies the customer.
 *
 * @param ticketNumber the ticket rated, e.g. {@code T2026000042}
 * @param state        INVITED (the form takes an answer), ANSWERED or EXPIRED
 * @param locale       the customer's language, zh-CN or en, for a form that has no better hint
 */
public record SurveyForm(String ticketNumber, SurveyState state, Instant expiresAt, Locale locale) {
    public SurveyForm {
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(locale, "locale");
    }
}
