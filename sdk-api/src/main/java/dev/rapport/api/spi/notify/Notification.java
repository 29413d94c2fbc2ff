package dev.rapport.api.spi.notify;

import dev.rapport.api.event.DomainEvent;

import java.util.List;
import java.util.Objects;

/**
 * One domain event for a notifier. It carries no contact details of customers (SPEC §2: those never leave the SDK in
 * notifications).
 *
 * @param id         stable across redeliveries of the same event, e.g. for a receiver to drop duplicates
 * @param event      what happened
 * @param recipients the people the event names; empty for events that name no one
 * @param attempt    1 on the first delivery, then 2, 3, … on retries
 */
public record Notification(String id, DomainEvent event, List<Recipient> recipients, int attempt) {
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        recipients = List.copyOf(recipients);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
    }
}
