package dev.rapport.api.spi.survey;

import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A closed ticket to be rated. It carries no contact details of the customer: a provider that writes to the customer
 * gets the address through the SDK's invitation delivery, not here.
 *
 * @param surveyId  the SDK's id of this survey, stable across retries
 * @param locale    the customer's language: zh-CN or en
 * @param expiresAt after this the answer is refused (HTTP 410)
 */
public record SurveyRequest(String surveyId, TicketId ticketId, String ticketNumber, Locale locale, Instant closedAt,
                            Instant expiresAt) {
    public SurveyRequest {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
