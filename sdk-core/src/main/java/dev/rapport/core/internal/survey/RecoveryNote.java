package dev.rapport.core.internal.survey;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.survey.Survey;
import dev.rapport.core.ServiceRecovery;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Instant;
import java.util.List;

/**
 * Service recovery as an entry {@value #ACTION} in the ticket's audit trail, naming the survey and its scores, so that
 * the need shows in the ticket's history.
 */
public final class RecoveryNote implements ServiceRecovery {
    /** The audit action of the entry. */
    public static final String ACTION = "survey.recovery-needed";

    @Override
    public List<DomainEvent> open(Transaction tx, Survey survey, Instant now) {
        var answer = survey.answer().orElseThrow();
        tx.audit().append(ChangeSet.create()
                .added("surveyId", survey.id().value())
                .added("responseSpeed", answer.responseSpeed())
                .added("resolution", answer.resolution())
                .added("attitude", answer.attitude())
                .added("overall", answer.overall())
                .entry("ticket", survey.ticketId().value(), now, Actor.system(), ACTION));
        return List.of();
    }
}
