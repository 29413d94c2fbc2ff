package dev.rapport.core.internal.followup;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.survey.Survey;
import dev.rapport.core.internal.survey.RecoveryNote;
import dev.rapport.core.ServiceRecovery;

import java.time.Instant;
import java.util.List;

/**
 * SPEC §6: a poor survey answer opens a service-recovery follow-up for a supervisor of the ticket's department, in
 * the answer's transaction. Should no active user be able to own it, the need is still kept, as a
 * {@link RecoveryNote} in the ticket's history.
 */
public final class RecoveryFollowUp implements ServiceRecovery {
    private final FollowUpService followUps;
    private final RecoveryNote fallback = new RecoveryNote();

    public RecoveryFollowUp(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public List<DomainEvent> open(Transaction tx, Survey survey, Instant now) {
        var answer = survey.answer().orElseThrow();
        var ticket = tx.tickets().find(survey.ticketId()).orElseThrow();
        String reason = "Survey answer: response speed %d, resolution %d, attitude %d, overall %d, recommend %d"
                .formatted(answer.responseSpeed(), answer.resolution(), answer.attitude(), answer.overall(),
                        answer.recommend());
        return followUps.openRecovery(tx, ticket, reason, now).isPresent() ? List.of()
                : fallback.open(tx, survey, now);
    }
}
