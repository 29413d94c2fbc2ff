package dev.rapport.core;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.survey.Survey;

import java.time.Instant;
import java.util.List;

/**
 * What happens when a survey answer calls for service recovery (a poor score, SPEC §6), inside the transaction that
 * stores the answer: SPEC §6 opens a service-recovery follow-up for the supervisor. The SDK's default records the need
 * in the ticket's audit trail.
 */
@FunctionalInterface
public interface ServiceRecovery {
    /**
     * @param survey the answered survey, its answer present
     * @return the events to announce with the answer
     */
    List<DomainEvent> open(Transaction tx, Survey survey, Instant now);
}
