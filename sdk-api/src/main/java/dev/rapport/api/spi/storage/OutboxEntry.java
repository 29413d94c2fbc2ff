package dev.rapport.api.spi.storage;

import dev.rapport.api.event.DomainEvent;

/** An event in the outbox; {@code position} grows in commit order within one subject. */
public record OutboxEntry(long position, DomainEvent event) {
}
