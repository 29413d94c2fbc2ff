package dev.rapport.notifier.email;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.testkit.LogCapture;
import dev.rapport.testkit.SampleNotifications;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the notifier makes of SMTP replies that GreenMail never gives. */
class SmtpRepliesTest {
    private final ScriptedSmtpPeer server = ScriptedSmtpPeer.start();
    private final EmailNotifierFactory factory = new EmailNotifierFactory();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"421 4.3.2 Service shutting down", "450 4.2.1 Mailbox busy", "451 4.3.0 Try again later",
            "452 4.2.2 Mailbox full"})
    void aTemporaryRefusalOfTheRecipientIsRetriedLater(String reply) {
        server.rcptTo(reply);

        assertThat(deliver()).isInstanceOfSatisfying(Delivery.RetryLater.class,
                retry -> assertThat(retry.reason()).contains(reply.substring(0, 3)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"550 5.1.1 No such user", "553 5.1.3 Bad address syntax", "554 5.7.1 Relay denied"})
    void aPermanentRefusalOfTheRecipientIsRejected(String reply) {
        server.rcptTo(reply);

        assertThat(deliver()).isInstanceOfSatisfying(Delivery.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains(reply.substring(0, 3)));
    }

    @Test
    void aServerThatGreetsWith421IsRetriedLater() {
        server.greeting("421 4.3.2 Too busy, come back later");

        assertThat(deliver()).isInstanceOf(Delivery.RetryLater.class);
    }

    @Test
    void aServerThatRefusesTheSenderForGoodIsRejected() {
        server.mailFrom("550 5.7.1 Sender not allowed");

        assertThat(deliver()).isInstanceOf(Delivery.Rejected.class);
    }

    @Test
    void theEndOfDataDecidesToo() {
        server.endOfData("451 4.3.0 Queue full");
        assertThat(deliver()).isInstanceOf(Delivery.RetryLater.class);

        server.endOfData("554 5.6.0 Message refused");
        assertThat(deliver()).isInstanceOf(Delivery.Rejected.class);
    }

    @Test
    void oneRecipientRefusedForGoodDoesNotHoldBackTheOthersAndIsLoggedByUserIdOnly() {
        server.rcptTo(command -> command.contains("sam.taylor") ? "550 5.1.1 No such user" : "250 2.1.5 OK");

        try (var log = LogCapture.start()) {
            var delivery = deliver();

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Delivered.class, delivered ->
                    assertThat(delivered.receipt().orElseThrow()).contains("refused: u-supervisor-sam: SMTP"));
            assertThat(server.commands()).filteredOn(c -> c.startsWith("DATA")).hasSize(1);
            assertThat(log.linesOf(EmailNotifier.class.getName())).singleElement().asString()
                    .startsWith("WARNING").contains("sent 1 of 2").contains("[u-supervisor-sam]")
                    .doesNotContain("sam.taylor@").doesNotContain("Sam Taylor");
        }
    }

    @Test
    void aTemporaryFailureStopsTheNotificationForARetryOfAll() {
        server.rcptTo(command -> command.contains("sam.taylor") ? "451 4.3.0 Try again later" : "250 2.1.5 OK");

        assertThat(deliver()).isInstanceOfSatisfying(Delivery.RetryLater.class,
                retry -> assertThat(retry.reason()).contains("after 1 of 2 messages"));
    }

    private Delivery deliver() {
        var settings = Map.of("host", "127.0.0.1", "port", Integer.toString(server.port()),
                "from", "rapport@rapport.example", "read-timeout", "2s");
        try (Notifier notifier = TestPluginContext.of(factory, settings).create(factory)) {
            return notifier.deliver(SampleNotifications.ticketCreated());
        }
    }
}
