package dev.rapport.testkit;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The contract of a {@link Notifier} that talks to a remote peer (an HTTP receiver, a mail server): on top of
 * {@link NotifierContract}, a temporary failure asks to be retried, a refusal is rejected for good, an unreachable
 * peer is retried, and a hung peer costs no longer than the notifier's own timeout.
 *
 * <p>The hooks below change the peer the test runs; each is called before the notifier is created (from
 * {@link #minimalConfig()}), so a hook may also point the configuration elsewhere, e.g. at a closed port.
 *
 * <pre>{@code
 * class WebhookNotifierContractTest extends RemoteNotifierContract {
 *     HttpPeer peer;
 *     @BeforeEach void start() { peer = HttpPeer.start(); }
 *     @AfterEach void stop() { peer.close(); }
 *     protected void peerFailsTemporarily() { peer.answer(503); }
 *     ...
 * }
 * }</pre>
 */
public abstract class RemoteNotifierContract extends NotifierContract {
    private static final Duration SLACK = Duration.ofSeconds(2);

    /** Makes the peer fail in a way that may pass, e.g. HTTP 503 or SMTP 451. */
    protected abstract void peerFailsTemporarily();

    /** Makes the peer refuse for good, e.g. HTTP 400 or SMTP 550. */
    protected abstract void peerRefuses();

    /** Makes the peer accept connections and then never answer. */
    protected abstract void peerHangs();

    /** Makes the peer unreachable, e.g. by closing it so that connections are refused. */
    protected abstract void peerIsUnreachable();

    /** The timeout {@link #minimalConfig()} gives the notifier; keep it short (a second or two). */
    protected abstract Duration ownTimeout();

    /** What a notifier does when its peer does not deliver. */
    @Nested
    public class WhenThePeerMisbehaves {
        @Test
        void aTemporaryFailureIsRetriedLater() {
            peerFailsTemporarily();

            assertThat(deliverOnce()).isInstanceOfSatisfying(Delivery.RetryLater.class,
                    retry -> assertThat(retry.after().isNegative()).as("a negative wait").isFalse());
        }

        @Test
        void aRefusalIsRejected() {
            peerRefuses();

            assertThat(deliverOnce()).isInstanceOf(Delivery.Rejected.class);
        }

        @Test
        void anUnreachablePeerIsRetriedLater() {
            peerIsUnreachable();

            assertThat(deliverOnce()).isInstanceOf(Delivery.RetryLater.class);
        }

        @Test
        void aHungPeerIsGivenUpWithinTheNotifiersOwnTimeout() {
            peerHangs();

            Delivery delivery = assertTimeoutPreemptively(ownTimeout().plus(SLACK), (ThrowingSupplier<Delivery>) () -> {
                try (Notifier notifier = createMinimal()) {
                    return notifier.deliver(SampleNotifications.ticketCreated());
                }
            }, "deliver() and close() must return within the notifier's own timeout (" + ownTimeout() + ")");

            assertThat(delivery).isInstanceOf(Delivery.RetryLater.class);
            assertNoSecretIn(delivery.toString());
        }

        private Delivery deliverOnce() {
            try (Notifier notifier = createMinimal()) {
                Delivery delivery = notifier.deliver(SampleNotifications.ticketCreated());
                assertNoSecretIn(delivery.toString());
                return delivery;
            }
        }
    }
}
