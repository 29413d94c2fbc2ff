package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;

/**
 * The survey provider issued a survey's invitation. The event holds neither the token nor the link: they are the
 * customer's credential.
 *
 * @param channel the channel the link went to the customer by; empty when agents pass it on
 */
public record SurveyInvited(SurveyId surveyId, TicketId ticketId, String ticketNumber, String provider,
                            Optional<String> channel, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
