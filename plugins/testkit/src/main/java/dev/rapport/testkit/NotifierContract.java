package dev.rapport.testkit;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of every {@link Notifier}: the checks of {@link PluginContract}, and a notifier whose peer is
 * reachable delivers every kind of event, including one that names no one and a redelivery. A notifier that talks
 * to a remote peer extends {@link RemoteNotifierContract} instead, which adds what happens when the peer misbehaves.
 *
 * <pre>{@code
 * class LogNotifierContractTest extends NotifierContract {
 *     protected NotifierFactory factory() { return new LogNotifierFactory(); }
 *     protected Map<String, String> minimalConfig() { return Map.of(); }
 * }
 * }</pre>
 */
public abstract class NotifierContract extends PluginContract<Notifier, NotifierFactory> {
    /**
     * The keys the SDK reads for every notifier instance ({@code rapport.notifiers.<name>.timeout}: its time box for
     * each call, then attempts and back-off) and hands the notifier as well. A notifier must not use them for
     * settings of its own: name its own timeouts e.g. {@code request-timeout} or {@code read-timeout}.
     */
    public static final Set<String> SDK_DELIVERY_KEYS = Set.of("timeout", "max-attempts", "backoff-base", "backoff-cap");

    @Override
    protected final Class<NotifierFactory> extensionPoint() {
        return NotifierFactory.class;
    }

    /** Delivers {@link SampleNotifications#ticketCreated()}, which must be delivered. */
    @Override
    protected void exercise(Notifier notifier) {
        assertDelivered(notifier.deliver(SampleNotifications.ticketCreated()));
    }

    /** Fails unless {@code delivery} is {@link Delivery.Delivered}; checks no secret shows in it. */
    protected final void assertDelivered(Delivery delivery) {
        assertNoSecretIn(delivery.toString());
        assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
    }

    /** The settings the SDK keeps for itself. */
    @Nested
    public class SdkSettings {
        @Test
        void theSdksDeliveryKeysAreLeftToTheSdk() {
            var settings = new HashMap<>(minimalConfig());
            settings.putAll(Map.of("timeout", "7s", "max-attempts", "3", "backoff-base", "30s", "backoff-cap", "1h"));
            var context = context(settings);

            try (Notifier notifier = factory().create(context)) {
                assertThat(notifier).isNotNull();
            }
            assertThat(context.config().readKeys()).as("keys the notifier read")
                    .doesNotContainAnyElementsOf(SDK_DELIVERY_KEYS);
        }
    }

    /** What a notifier does with a reachable peer. */
    @Nested
    public class Delivering {
        @Test
        void everyKindOfSampleEventIsDelivered() {
            try (Notifier notifier = createMinimal()) {
                for (Notification notification : SampleNotifications.all()) {
                    Delivery delivery = notifier.deliver(notification);

                    assertThat(delivery).as(notification.event().eventType()).isInstanceOf(Delivery.Delivered.class);
                    assertNoSecretIn(delivery.toString());
                }
            }
        }

        @Test
        void anEventThatNamesNoOneIsNoError() {
            try (Notifier notifier = createMinimal()) {
                assertDelivered(notifier.deliver(SampleNotifications.ticketClosed()));
            }
        }

        @Test
        void aRedeliveryIsDeliveredAgain() {
            try (Notifier notifier = createMinimal()) {
                var first = SampleNotifications.ticketAssigned();
                assertDelivered(notifier.deliver(first));
                assertDelivered(notifier.deliver(SampleNotifications.again(first)));
            }
        }
    }
}
