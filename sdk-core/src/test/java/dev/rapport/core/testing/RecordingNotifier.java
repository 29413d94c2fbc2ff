package dev.rapport.core.testing;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.testkit.Eventually;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A notifier that records every notification it is given and answers as the test says (delivered by default), for
 * tests to wait for: deliveries run on the SDK's delivery threads after commit.
 */
public final class RecordingNotifier implements Notifier {
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Function<Notification, Delivery> answer;

    private RecordingNotifier(Function<Notification, Delivery> answer) {
        this.answer = answer;
    }

    /** Delivers everything. */
    public static RecordingNotifier accepting() {
        return new RecordingNotifier(n -> Delivery.delivered());
    }

    /** Answers each notification with {@code answer}, which may also throw or block. */
    public static RecordingNotifier answering(Function<Notification, Delivery> answer) {
        return new RecordingNotifier(answer);
    }

    /** From now on answers with {@code answer}. */
    public void answer(Function<Notification, Delivery> answer) {
        this.answer = answer;
    }

    @Override
    public Delivery deliver(Notification notification) {
        received.add(notification);
        return answer.apply(notification);
    }

    /** Every notification received so far, repeats included, in order. */
    public List<Notification> received() {
        return List.copyOf(received);
    }

    /** The events of {@code type} received so far, repeats included, in order. */
    public <E extends DomainEvent> List<E> events(Class<E> type) {
        return received.stream().map(Notification::event).filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Waits until what was received satisfies {@code condition}.
     *
     * @throws AssertionError when it does not within the test patience
     */
    public void await(String what, Predicate<List<Notification>> condition) {
        Eventually.untilAsserted(what, () -> {
            var received = received();
            if (!condition.test(received)) {
                throw new AssertionError("never received " + what + "; received " + received.stream()
                        .map(n -> n.event().eventType() + "#" + n.attempt()).toList());
            }
        });
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
