package dev.rapport.api.event;

/**
 * Receives domain events after their transaction committed, one at a time and in order per
 * {@link DomainEvent#subjectId()}, on a delivery thread of the SDK. Delivery is at least once: a listener may see an
 * event again after a crash and should be idempotent. An exception thrown here is logged and does not affect other
 * listeners, the change itself, or later events; a call that outlasts the SDK's time box (10 s by default) is abandoned
 * and the event is delivered to every listener again later. Where several nodes share one database, each event
 * reaches the listeners of one node.
 */
@FunctionalInterface
public interface DomainEventListener {
    /** Handles one committed event. */
    void on(DomainEvent event);
}
