package dev.rapport.core.testing;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.DomainEventListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events a Rapport delivered, for tests to wait for: register with {@code builder.listener(heard)}. Delivery
 * runs after commit on the relay's thread, hence the waiting.
 */
public final class HeardEvents implements DomainEventListener {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final List<DomainEvent> heard = new CopyOnWriteArrayList<>();

    @Override
    public void on(DomainEvent event) {
        heard.add(event);
    }

    /** The events of {@code type} heard so far, in delivery order. */
    public <E extends DomainEvent> List<E> of(Class<E> type) {
        return heard.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The first {@code count} events of {@code type}, once that many were heard.
     *
     * @throws AssertionError when fewer arrive within ten seconds
     */
    public <E extends DomainEvent> List<E> await(Class<E> type, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (of(type).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        var events = of(type);
        if (events.size() < count) {
            throw new AssertionError("heard " + events.size() + " " + type.getSimpleName() + " events, expected "
                    + count);
        }
        return events.subList(0, count);
    }
}
