package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;

/**
 * A closed ticket got its survey; the survey provider {@code provider} is asked for the invitation from the outbox.
 *
 * @param provider  the survey provider instance that issues it
 * @param expiresAt after this the survey takes no answer
 */
public record SurveyRequested(SurveyId surveyId, TicketId ticketId, String ticketNumber, String provider,
                              Instant expiresAt, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
