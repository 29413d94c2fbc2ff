package dev.rapport.core.testing;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.testkit.Eventually;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The events a Rapport delivered, for tests to wait for: register with {@code builder.listener(heard)}. Delivery
 * runs after commit on the relay's thread, hence the waiting.
 */
public final class HeardEvents implements DomainEventListener {
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
     * @throws AssertionError when fewer arrive within the test patience
     */
    public <E extends DomainEvent> List<E> await(Class<E> type, int count) {
        try {
            return Eventually.value(count + " " + type.getSimpleName() + " event(s)", () -> {
                var events = of(type);
                return events.size() < count ? Optional.empty() : Optional.of(events.subList(0, count));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; heard by then: " + heard.stream()
                    .collect(Collectors.groupingBy(event -> event.getClass().getSimpleName(), TreeMap::new,
                            Collectors.counting())), e);
        }
    }
}
