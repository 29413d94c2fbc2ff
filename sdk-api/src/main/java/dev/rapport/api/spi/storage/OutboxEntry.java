package dev.rapport.api.spi.storage;

import dev.rapport.api.event.DomainEvent;

/**
 * An event in the outbox. {@code position} grows with every append; events of one subject are appended one
 * transaction after another (the subject's row is updated with a version check), so within a subject, position order
 * is commit order.
 */
public record OutboxEntry(long position, DomainEvent event) {
}
