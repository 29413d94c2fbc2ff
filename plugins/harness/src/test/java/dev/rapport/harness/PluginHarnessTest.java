package dev.rapport.harness;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.harness.InboxNotifierFactory.Inbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginHarnessTest {
    private static final Delivery TRY_AGAIN = new Delivery.RetryLater(Duration.ZERO, "peer busy");

    private final String inboxName = "inbox-" + UUID.randomUUID();
    private final Inbox inbox = Inbox.named(inboxName);
    private PluginHarness harness;

    @AfterEach
    void closeHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    private PluginHarness.Builder inboxNotifier() {
        return PluginHarness.notifier("inbox").setting("inbox", inboxName);
    }

    @Test
    void aTicketsLifeRaisesItsEventsAndTheNotifierIsGivenEachOnce() {
        harness = inboxNotifier().start();

        var ticket = harness.driveATicketThroughItsLife();

        assertThat(ticket.status().name()).isEqualTo("CLOSED");
        assertThat(harness.eventTypes()).contains("CustomerCreated").containsSubsequence("TicketCreated",
                "TicketAssigned", "ProgressAdded", "TicketResolved", "TicketClosed");
        assertThat(inbox.eventTypes()).containsExactlyInAnyOrderElementsOf(harness.eventTypes());
        assertThat(inbox.received).extracting(Notification::id).doesNotHaveDuplicates();
        assertThat(inbox.received).extracting(Notification::attempt).containsOnly(1);
    }

    @Test
    void eachStepReturnsOnceTheNotifierHasBeenGivenWhatItRaised() {
        harness = inboxNotifier().start();

        var customer = harness.createCustomer();
        assertThat(inbox.eventTypes()).containsExactly("CustomerCreated");

        harness.openTicket(customer);
        assertThat(inbox.eventTypes()).contains("TicketCreated");
        assertThat(harness.events()).last().satisfies(event -> assertThat(inbox.received).last()
                .satisfies(notification -> assertThat(notification.event()).isEqualTo(event)));
    }

    @Test
    void eachCustomerStepCreatesAnotherCustomer() {
        harness = inboxNotifier().start();

        var first = harness.createCustomer();
        var second = harness.createCustomer();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(inbox.eventTypes()).containsExactly("CustomerCreated", "CustomerCreated");
    }

    @Test
    void aFailedDeliveryIsTriedAgainOnlyOnceItsBackOffHasPassed() {
        harness = inboxNotifier().backoff(Duration.ofSeconds(10), Duration.ofMinutes(1)).start();
        inbox.answer = TRY_AGAIN;

        harness.createCustomer();
        harness.advance(Duration.ofSeconds(4)); // the first back-off is 5 to 10 s
        assertThat(inbox.received).hasSize(1);

        inbox.answer = Delivery.delivered();
        harness.advancePastBackOff();

        assertThat(inbox.received).extracting(Notification::attempt).containsExactly(1, 2);
        assertThat(inbox.received).extracting(Notification::id).containsOnly(inbox.received.getFirst().id());
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void aDeliveryOutOfAttemptsIsADeadLetterThatAResendDelivers() {
        harness = inboxNotifier().maxAttempts(2).start();
        inbox.answer = TRY_AGAIN;

        harness.createCustomer();
        harness.retryUntil("the customer's event is a dead letter", () -> !harness.deadLetters().isEmpty());

        assertThat(harness.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.subscriber()).isEqualTo(PluginHarness.DEFAULT_INSTANCE);
            assertThat(letter.eventType()).isEqualTo("CustomerCreated");
            assertThat(letter.attempts()).isEqualTo(2);
            assertThat(letter.lastError()).hasValueSatisfying(error -> assertThat(error).contains("peer busy"));
        });
        assertThat(inbox.received).hasSize(2);

        inbox.answer = Delivery.delivered();
        assertThat(harness.resendDeadLetters()).isEqualTo(1);

        assertThat(inbox.received).hasSize(3);
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void aRejectedDeliveryIsADeadLetterAtOnceAndOneResendSendsItAgain() {
        harness = inboxNotifier().name("rejecting").start();
        inbox.answer = new Delivery.Rejected("no such room");

        harness.createCustomer();

        var letter = harness.deadLetters().getFirst();
        assertThat(letter.subscriber()).isEqualTo("rejecting");
        assertThat(letter.attempts()).isEqualTo(1);

        inbox.answer = Delivery.delivered();
        harness.resend(letter);

        assertThat(inbox.received).hasSize(2);
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void aTypeNoFactoryOnTheClassPathHasFailsNamingTheTypesThereAre() {
        assertThatThrownBy(() -> PluginHarness.notifier("chat-rooom").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"chat-rooom\"")
                .hasMessageContaining("inbox")
                .hasMessageContaining("META-INF/services/dev.rapport.api.spi.notify.NotifierFactory");
    }

    @Test
    void theNotifiersKeysAreCheckedAsTheSdkChecksAHostsConfiguration() {
        assertThatThrownBy(() -> PluginHarness.notifier("inbox").setting("inboks", inboxName).start())
                .isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("inbox is required")
                .hasMessageContaining("inboks");
    }

    @Test
    void closingClosesTheNotifier() {
        harness = inboxNotifier().start();

        harness.close();
        harness = null;

        assertThat(inbox.closed).isTrue();
    }
}
