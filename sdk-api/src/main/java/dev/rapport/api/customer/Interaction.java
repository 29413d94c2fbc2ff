package dev.rapport.api.customer;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One logged communication with a customer (SPEC glossary: interaction, 沟通记录).
 *
 * @param at                when the communication took place
 * @param participants      who took part, as written (names or roles)
 * @param initialResponse   what the customer first said back
 * @param ownerId           who follows it up
 * @param plannedCompletion when the follow-up work is planned to be done
 * @param nextAction        what happens next
 * @param recordedBy        who logged it
 */
public record Interaction(InteractionId id, CustomerId customerId, Instant at, InteractionMethod method,
                          List<String> participants, String topic, String content, Optional<String> initialResponse,
                          UserId ownerId, Optional<Instant> plannedCompletion, Optional<String> nextAction,
                          UserId recordedBy, Instant recordedAt) {
    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        participants = List.copyOf(participants);
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(initialResponse, "initialResponse");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(plannedCompletion, "plannedCompletion");
        Objects.requireNonNull(nextAction, "nextAction");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
