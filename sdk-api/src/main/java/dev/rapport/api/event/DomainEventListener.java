package dev.rapport.api.event;

/**
 * Receives domain events after their transaction committed, one at a time, on the SDK's delivery thread.
 * Delivery is at least once: a listener may see an event again after a crash and should be idempotent.
 * An exception thrown here is logged and does not affect other listeners or the change itself.
 */
@FunctionalInterface
public interface DomainEventListener {
    /** Handles one committed event. */
    void on(DomainEvent event);
}
