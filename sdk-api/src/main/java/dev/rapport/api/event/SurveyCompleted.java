package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;

/**
 * A customer answered the survey of a closed ticket (SPEC §6). The scores are here; the comment is not, only whether
 * there is one: what a customer writes may quote anything.
 *
 * @param needsRecovery whether a score of 2 or less calls for service recovery
 * @param recipients    who is told: the ticket's assignee
 */
public record SurveyCompleted(SurveyId surveyId, TicketId ticketId, String ticketNumber, int responseSpeed,
                              int resolution, int attitude, int overall, int recommend, boolean commented,
                              boolean needsRecovery, List<UserId> recipients, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    public SurveyCompleted {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
