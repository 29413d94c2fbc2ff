package dev.rapport.testkit;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

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

    /** The settings the SDK keeps for itself, {@link NotifierFactory#SDK_KEYS}. */
    @Nested
    public class SdkSettings {
        @Test
        void theSdksDeliveryKeysAreLeftToTheSdk() {
            assertSdkSettingsLeftToTheSdk(Map.of("timeout", "7s", "max-attempts", "3", "backoff-base", "30s",
                    "backoff-cap", "1h"));
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
