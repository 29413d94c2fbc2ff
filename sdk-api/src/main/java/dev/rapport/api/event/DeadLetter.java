package dev.rapport.api.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event one subscriber could not take: its notifier rejected it, or every attempt failed. It stays until an
 * admin sends it again through {@link DeadLetters}.
 *
 * @param id         the dead letter's id, for {@link DeadLetters#retry}
 * @param subscriber who could not take it: a notifier instance's name, or {@value DeadLetters#LISTENERS} for the
 *                   in-process listeners
 * @param eventType  the event's {@link DomainEvent#eventType()}
 * @param subjectId  the event's {@link DomainEvent#subjectId()}, e.g. a ticket id
 * @param occurredAt when the event happened
 * @param attempts   how many times delivery was tried
 * @param lastError  why the last attempt failed, as the notifier said it (secrets masked); an exception is named by
 *                   its class only
 * @param deadAt     when delivery was given up
 */
public record DeadLetter(String id, String subscriber, String eventType, String subjectId, Instant occurredAt,
                         int attempts, Optional<String> lastError, Instant deadAt) {
    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(deadAt, "deadAt");
    }
}
