package dev.rapport.testkit;

import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.PollingChannel;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.notify.Delivery;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of every {@link PollingChannel}: the checks of {@link PluginContract}, and what the SDK relies on to file
 * each customer message once: a message placed at the source is polled with its id, sender, subject, body and
 * references; it comes again, under the same id, until it is acknowledged (also by a new instance, as after a restart),
 * and never after; {@code poll(max)} hands over at most {@code max}, oldest first. A channel that also implements
 * {@link Replying} is checked to deliver a reply to the customer under the id it reports, and to keep that id when the
 * reply is sent again; for other channels those checks are skipped.
 *
 * <p>Answer the hooks: {@link #deliverToSource} puts a customer's message where the channel reads, such as the IMAP
 * inbox of a mail server in the test; {@link #repliesReceived()} says what the customer's side received. Each check
 * starts from an empty source (the test's {@code @BeforeEach} provides one) and creates its instances from
 * {@link #minimalConfig()}.
 *
 * <pre>{@code
 * class EmailChannelContractTest extends PollingChannelContract {
 *     @RegisterExtension static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);
 *     protected ChannelFactory factory() { return new EmailChannelFactory(); }
 *     protected Map<String, String> minimalConfig() { return Map.of("imap-host", "127.0.0.1", ...); }
 *     protected void deliverToSource(String id, String from, String subject, String body, List<String> references) {
 *         // send it to the inbox over SMTP
 *     }
 *     protected List<PeerReply> repliesReceived() { ... mail.getReceivedMessages() ... }
 * }
 * }</pre>
 */
public abstract non-sealed class PollingChannelContract extends ChannelContract {
    /** The ticket the sample replies belong to. */
    protected static final String TICKET_NUMBER = "T2026000123";
    private static final String SUBJECT = "订单 #1024 未到 / Order #1024 missing";
    private static final String BODY = "您好，我上周订的货还没有到。\nHello, my order from last week has not "
            + "arrived.";
    private static final String REPLY_BODY = "李女士您好：我们已经重新发货。\nWe have shipped your order "
            + "again.";

    /** A reply as the customer's side received it. */
    public record PeerReply(String messageId, String to, String subject, String body) {
        public PeerReply {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Puts a customer's message at the source, where the channel will poll it; messages put one after the other are
     * older to newer.
     *
     * @param messageId  the id the medium gives it, e.g. an e-mail's {@code Message-ID} without angle brackets
     * @param from       the sender: {@link #sampleSender()}
     * @param references ids of earlier messages it answers, nearest first (may be empty)
     */
    protected abstract void deliverToSource(String messageId, String from, String subject, String body,
                                            List<String> references);

    /**
     * How customers are addressed on this medium; the contract's messages come from it and its replies go to it. An
     * e-mail address by default: override with a phone number or a handle for other media.
     */
    protected String sampleSender() {
        return "li.na@customer.example";
    }

    /**
     * The replies the customer's side received so far, oldest first. A channel that implements {@link Replying} must
     * override this; the default fails.
     */
    protected List<PeerReply> repliesReceived() {
        throw new AssertionError(factory().getClass().getSimpleName()
                + " creates Replying channels: override repliesReceived() to say what the customer received");
    }

    /** Polls a message put at the source, acknowledges it, and answers it if the channel is {@link Replying}. */
    @Override
    protected void exercise(Channel channel) {
        deliverToSource("exercise-1@customer.example", sampleSender(), SUBJECT, BODY, List.of());
        var polling = (PollingChannel) channel;
        List<InboundMessage> polled = polling.poll(10);
        assertThat(polled).as("messages polled").isNotEmpty();
        polling.acknowledge(polled.stream().map(InboundMessage::messageId).toList());
        if (channel instanceof Replying replying) {
            assertNoSecretIn(replying.reply(replyTo(polled.getFirst(), "exercise-reply")).toString());
        }
    }

    /**
     * The reply an agent's progress entry makes to {@code message}: to its sender, answering it, on ticket
     * {@link #TICKET_NUMBER}.
     */
    protected final Reply replyTo(InboundMessage message, String replyId) {
        var references = Stream.concat(message.references().reversed().stream(), Stream.of(message.messageId()))
                .distinct().toList();
        return new Reply(replyId, TICKET_NUMBER, message.from(),
                "Re: [#" + TICKET_NUMBER + "] " + message.subject().orElse(""), REPLY_BODY,
                Optional.of(message.messageId()), references, message.threadKey());
    }

    private PollingChannel createPolling() {
        Channel channel = createMinimal();
        assertThat(channel).as("a channel the SDK polls").isInstanceOf(PollingChannel.class);
        return (PollingChannel) channel;
    }

    private static List<String> ids(List<InboundMessage> messages) {
        return messages.stream().map(InboundMessage::messageId).toList();
    }

    private static String lines(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    /** What a poll hands over. */
    @Nested
    public class Polling {
        @Test
        void theFactoryCreatesPollingChannels() {
            try (Channel channel = createMinimal()) {
                assertThat(channel).isInstanceOf(PollingChannel.class);
            }
        }

        @Test
        void anEmptySourceGivesNothing() {
            try (PollingChannel channel = createPolling()) {
                assertThat(channel.poll(10)).isEmpty();
            }
        }

        @Test
        void aMessageIsPolledWithItsIdSenderSubjectBodyAndReferences() {
            deliverToSource("m-0001@customer.example", sampleSender(), SUBJECT, BODY,
                    List.of("reply-0002@rapport.example", "m-0000@customer.example"));

            try (PollingChannel channel = createPolling()) {
                assertThat(channel.poll(10)).singleElement().satisfies(message -> {
                    assertThat(message.messageId()).isEqualTo("m-0001@customer.example");
                    assertThat(Stream.of(message.from().email(), message.from().phone(), message.from().handle())
                            .flatMap(Optional::stream)).as("the sender").contains(sampleSender());
                    assertThat(message.subject()).contains(SUBJECT);
                    assertThat(lines(message.body())).isEqualTo(BODY);
                    assertThat(message.references())
                            .containsExactly("reply-0002@rapport.example", "m-0000@customer.example");
                });
            }
        }

        @Test
        void atMostMaxMessagesComeOldestFirst() {
            for (int i = 1; i <= 3; i++) {
                deliverToSource("m-000" + i + "@customer.example", sampleSender(), SUBJECT + " " + i, BODY, List.of());
            }

            try (PollingChannel channel = createPolling()) {
                assertThat(ids(channel.poll(2))).containsExactly("m-0001@customer.example", "m-0002@customer.example");
            }
        }
    }

    /** A message comes until it is acknowledged, always under the same id, and never after. */
    @Nested
    public class AtLeastOnce {
        @Test
        void aMessageNotAcknowledgedComesAgainUnderTheSameIdAlsoToANewInstance() {
            deliverToSource("m-0001@customer.example", sampleSender(), SUBJECT, BODY, List.of());

            List<InboundMessage> first;
            List<InboundMessage> second;
            try (PollingChannel channel = createPolling()) {
                first = channel.poll(10);
                second = channel.poll(10);
            }
            List<InboundMessage> afterRestart;
            try (PollingChannel channel = createPolling()) {
                afterRestart = channel.poll(10);
            }

            assertThat(ids(first)).containsExactly("m-0001@customer.example");
            assertThat(ids(second)).as("polled again").isEqualTo(ids(first));
            assertThat(ids(afterRestart)).as("polled by a new instance").isEqualTo(ids(first));
        }

        @Test
        void anAcknowledgedMessageNeverComesAgainAndTheOthersStay() {
            deliverToSource("m-0001@customer.example", sampleSender(), SUBJECT, BODY, List.of());
            deliverToSource("m-0002@customer.example", sampleSender(), SUBJECT, BODY, List.of());

            try (PollingChannel channel = createPolling()) {
                assertThat(ids(channel.poll(10))).hasSize(2);
                channel.acknowledge(List.of("m-0001@customer.example"));

                assertThat(ids(channel.poll(10))).containsExactly("m-0002@customer.example");
            }
            try (PollingChannel channel = createPolling()) {
                assertThat(ids(channel.poll(10))).as("polled by a new instance")
                        .containsExactly("m-0002@customer.example");
            }
        }

        @Test
        void unknownIdsAreIgnored() {
            deliverToSource("m-0001@customer.example", sampleSender(), SUBJECT, BODY, List.of());

            try (PollingChannel channel = createPolling()) {
                channel.acknowledge(List.of("never-seen@customer.example"));
                channel.acknowledge(List.of());

                assertThat(ids(channel.poll(10))).containsExactly("m-0001@customer.example");
            }
        }
    }

    /** For channels that answer: a reply reaches the customer under the id reported, and keeps it when resent. */
    @Nested
    public class Replies {
        @Test
        void aReplyReachesTheSenderUnderTheIdItReports() {
            InboundMessage message = aPolledMessage();

            Delivery delivery;
            try (Channel channel = createMinimal()) {
                delivery = ((Replying) channel).reply(replyTo(message, "reply-0001"));
            }

            assertNoSecretIn(delivery.toString());
            assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
            String receipt = ((Delivery.Delivered) delivery).receipt().orElseThrow(
                    () -> new AssertionError("a reply is delivered with the id it went out under as its receipt"));
            assertThat(repliesReceived()).singleElement().satisfies(reply -> {
                assertThat(reply.messageId()).isEqualTo(receipt);
                assertThat(reply.to()).isEqualToIgnoringCase(sampleSender());
                assertThat(reply.subject()).isEqualTo("Re: [#" + TICKET_NUMBER + "] " + SUBJECT);
                assertThat(lines(reply.body())).isEqualTo(REPLY_BODY);
            });
        }

        @Test
        void aResentReplyKeepsItsId() {
            Reply reply = replyTo(aPolledMessage(), "reply-0002");

            Delivery first;
            Delivery again;
            try (Channel channel = createMinimal()) {
                first = ((Replying) channel).reply(reply);
            }
            try (Channel channel = createMinimal()) {
                again = ((Replying) channel).reply(reply);
            }

            assertThat(first).isInstanceOf(Delivery.Delivered.class).isEqualTo(again);
            assertThat(repliesReceived()).hasSize(2).extracting(PeerReply::messageId)
                    .containsOnly(((Delivery.Delivered) first).receipt().orElseThrow());
        }

        /** A message polled from the source; skips the check for a channel that does not answer. */
        private InboundMessage aPolledMessage() {
            try (Channel channel = createMinimal()) {
                assumeTrue(channel instanceof Replying, "the channel does not implement Replying");
            }
            deliverToSource("m-0001@customer.example", sampleSender(), SUBJECT, BODY, List.of());
            try (PollingChannel channel = createPolling()) {
                List<InboundMessage> polled = channel.poll(1);
                assertThat(polled).hasSize(1);
                return polled.getFirst();
            }
        }
    }
}
