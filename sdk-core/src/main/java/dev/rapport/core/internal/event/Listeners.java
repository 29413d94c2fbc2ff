package dev.rapport.core.internal.event;

import dev.rapport.api.event.DeadLetters;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.spi.storage.Storage;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The host's in-process {@link DomainEventListener}s, as one subscriber. A listener that throws is logged and skipped
 * (its contract): the others still hear the event, and the event is not retried for it. Only a call that overruns the
 * time box is retried, to every listener again.
 */
final class Listeners implements Subscriber {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean everAdded;
    private final DeliveryPolicy policy;

    Listeners(DeliveryPolicy policy) {
        this.policy = policy;
    }

    /** Whether any listener was ever added: until then this node has no listeners' subscriber to deliver to. */
    boolean any() {
        return everAdded;
    }

    @Override
    public boolean active() {
        return everAdded;
    }

    AutoCloseable add(DomainEventListener listener) {
        everAdded = true;
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public String name() {
        return DeadLetters.LISTENERS;
    }

    @Override
    public DeliveryPolicy policy() {
        return policy;
    }

    @Override
    public boolean interruptible() {
        return false;
    }

    @Override
    public Callable<Delivery> call(PendingDelivery delivery, Storage storage) {
        return () -> {
            tell(delivery.event());
            return Delivery.delivered();
        };
    }

    private void tell(DomainEvent event) {
        for (var listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Listener " + listener.getClass().getName() + " failed on " + event.eventType(), e);
            }
        }
    }

    @Override
    public String safe(String text) {
        return SafeText.of(text, List.of());
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
