package dev.rapport.testkit;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.notify.Delivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of every {@link PushChannel}: the checks of {@link PluginContract}, and a channel accepts a valid
 * request with its text, gives the same request the same message id twice (so that the SDK files it once) and
 * different requests different ids, names the bad fields of an invalid request, refuses an unauthenticated one without
 * showing a secret, and serves concurrent requests. A channel that also implements {@link Replying} must get a reply
 * to its peer, ask to retry when the peer fails for now, and give up when the peer refuses.
 *
 * <p>Give the contract requests the channel accepts and refuses. Each check calls the hooks anew, after the test's
 * {@code @BeforeEach} methods ran; the channel's clock stands at {@link TestPluginContext#START}, so a request may be
 * signed for that time:
 *
 * <pre>{@code
 * class WebFormChannelContractTest extends PushChannelContract {
 *     protected ChannelFactory factory() { return new WebFormChannelFactory(); }
 *     protected Map<String, String> minimalConfig() { return Map.of(); }
 *     protected InboundRequest validRequest(String marker) {
 *         return request("{\"email\":\"li.na@example.com\",\"message\":\"" + marker + "\"}", Map.of());
 *     }
 *     protected InboundRequest invalidRequest() { return request("{\"message\":\"\"}", Map.of()); }
 * }
 * }</pre>
 *
 * A replying channel also answers {@link #peerFailsTemporarily()}, {@link #peerRefuses()} and
 * {@link #assertPeerReceived(Reply)}, typically with the test kit's {@link HttpPeer}. Its peer takes replies until a
 * hook says otherwise; the hooks run before the channel is created from {@link #minimalConfig()}, so they may also
 * point the configuration elsewhere.
 */
public abstract non-sealed class PushChannelContract extends ChannelContract {
    /** The address {@link #request(String, Map)} gives its requests. */
    public static final String REMOTE_ADDRESS = "203.0.113.7";
    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 20;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /**
     * A request the channel accepts, as a customer's message whose body contains {@code marker}; requests for
     * different markers are different messages.
     */
    protected abstract InboundRequest validRequest(String marker);

    /** A request that is authentic but malformed or beyond the channel's limits. */
    protected abstract InboundRequest invalidRequest();

    /**
     * For a channel that authenticates its requests: a request like a valid one whose proof is wrong, e.g. signed with
     * another key. Empty, the default, for a channel without authentication.
     */
    protected Optional<InboundRequest> unauthenticatedRequest() {
        return Optional.empty();
    }

    /** For a {@link Replying} channel: makes its peer fail in a way that may pass, e.g. HTTP 503. */
    protected void peerFailsTemporarily() {
        fail(getClass().getSimpleName() + " tests a Replying channel: override peerFailsTemporarily()");
    }

    /** For a {@link Replying} channel: makes its peer refuse for good, e.g. HTTP 400. */
    protected void peerRefuses() {
        fail(getClass().getSimpleName() + " tests a Replying channel: override peerRefuses()");
    }

    /** For a {@link Replying} channel: fails unless the peer received {@code reply}, e.g. its body. */
    protected void assertPeerReceived(Reply reply) {
        fail(getClass().getSimpleName() + " tests a Replying channel: override assertPeerReceived(Reply)");
    }

    /**
     * The reply an agent would send to {@code message}: to its sender, in its conversation, with {@code marker} in
     * the body.
     */
    protected Reply replyTo(InboundMessage message, String marker) {
        String ticketNumber = "T202603020001";
        return new Reply("reply-" + marker, ticketNumber, message.from(),
                "Re: [#" + ticketNumber + "] " + message.subject().orElse("您的请求 / your request"),
                "您好，问题已处理。Resolved: " + marker, Optional.of(message.messageId()), List.of(message.messageId()),
                message.threadKey());
    }

    /** Receives a valid request, which must be accepted; replies to it when the channel is {@link Replying}. */
    @Override
    protected void exercise(Channel channel) {
        InboundMessage message = accepted(receive(channel, validRequest("exercise")));
        if (channel instanceof Replying replying) {
            Delivery delivery = replying.reply(replyTo(message, "exercise"));
            assertNoSecretIn(delivery.toString());
            assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
        }
    }

    /** A request from {@link #REMOTE_ADDRESS} with {@code body} as UTF-8 and {@code headers}, one value each. */
    protected static InboundRequest request(String body, Map<String, String> headers) {
        var multi = new HashMap<String, List<String>>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new InboundRequest(REMOTE_ADDRESS, multi, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Received receive(Channel channel, InboundRequest request) {
        assertThat(channel).as("the channel the factory created").isInstanceOf(PushChannel.class);
        return ((PushChannel) channel).receive(request);
    }

    private InboundMessage accepted(Received received) {
        assertNoSecretIn(received.toString());
        assertThat(received).as("what the channel made of a valid request").isInstanceOf(Received.Accepted.class);
        return ((Received.Accepted) received).message();
    }

    /** Requests in, messages out. */
    @Nested
    public class Receiving {
        @Test
        void theFactoryMakesPushChannels() {
            try (Channel channel = createMinimal()) {
                assertThat(channel).isInstanceOf(PushChannel.class);
            }
        }

        @Test
        void aValidRequestIsAcceptedWithItsText() {
            InboundRequest request = validRequest("marker-4f1a");
            try (Channel channel = createMinimal()) {
                assertThat(accepted(receive(channel, request)).body()).contains("marker-4f1a");
            }
        }

        @Test
        void theSameRequestTwiceIsTheSameMessageSoThatTheSdkFilesItOnce() {
            InboundRequest request = validRequest("marker-twice");
            try (Channel channel = createMinimal()) {
                String first = accepted(receive(channel, request)).messageId();
                String second = accepted(receive(channel, request)).messageId();

                assertThat(second).as("the message id of a request received again").isEqualTo(first);
            }
        }

        @Test
        void differentRequestsAreDifferentMessages() {
            InboundRequest one = validRequest("marker-one");
            InboundRequest other = validRequest("marker-other");
            try (Channel channel = createMinimal()) {
                assertThat(accepted(receive(channel, other)).messageId())
                        .isNotEqualTo(accepted(receive(channel, one)).messageId());
            }
        }

        @Test
        void anInvalidRequestNamesItsBadFields() {
            InboundRequest request = invalidRequest();
            try (Channel channel = createMinimal()) {
                Received received = receive(channel, request);

                assertNoSecretIn(received.toString());
                assertThat(received).isInstanceOfSatisfying(Received.Invalid.class, invalid ->
                        assertThat(invalid.errors()).extracting(FieldError::field).allSatisfy(field ->
                                assertThat(field).as("a field name").isNotBlank()));
            }
        }

        @Test
        void anUnauthenticatedRequestIsRefusedWithoutShowingASecret() {
            Optional<InboundRequest> request = unauthenticatedRequest();
            assumeTrue(request.isPresent(), "the channel does not authenticate its requests");
            var settings = new HashMap<>(minimalConfig());
            settings.putAll(withSecrets());
            try (Channel channel = context(settings).create(factory())) {
                Received received = receive(channel, request.get());

                assertThat(received).isInstanceOf(Received.Unauthenticated.class);
                assertNoSecretIn(received.toString());
            }
        }

        @Test
        void concurrentRequestsAreEachAcceptedAsSent() throws Exception {
            var requests = new HashMap<String, InboundRequest>();
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    requests.put("marker-" + t + "-" + i, validRequest("marker-" + t + "-" + i));
                }
            }
            var start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
                var thread = new Thread(task, "rapport-testkit-push-" + POOLS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            try (Channel channel = createMinimal()) {
                var results = new ArrayList<Future<List<String>>>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        start.await();
                        var ids = new ArrayList<String>();
                        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                            String marker = "marker-" + thread + "-" + i;
                            InboundMessage message = accepted(receive(channel, requests.get(marker)));
                            assertThat(message.body()).as("the body of the request marked " + marker).contains(marker);
                            ids.add(message.messageId());
                        }
                        return ids;
                    }));
                }
                start.countDown();
                var ids = new HashSet<String>();
                for (Future<List<String>> result : results) {
                    ids.addAll(outcome(result));
                }
                assertThat(ids).as("message ids of different requests").hasSize(THREADS * REQUESTS_PER_THREAD);
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static List<String> outcome(Future<List<String>> result) throws InterruptedException, TimeoutException {
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw new AssertionError("receive() threw on a concurrent valid request", e.getCause());
        }
    }

    /** What a channel that can answer does with replies; skipped for one that cannot. */
    @Nested
    public class Answering {
        @BeforeEach
        void onlyForAChannelThatReplies() {
            try (Channel channel = createMinimal()) {
                assumeTrue(channel instanceof Replying, "the channel does not reply");
            }
        }

        @Test
        void aReplyReachesThePeer() {
            try (Channel channel = createMinimal()) {
                Reply reply = replyToAValidRequest(channel, "marker-reply");

                Delivery delivery = ((Replying) channel).reply(reply);

                assertNoSecretIn(delivery.toString());
                assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
                assertPeerReceived(reply);
            }
        }

        @Test
        void aTemporaryFailureIsRetriedLater() {
            peerFailsTemporarily();

            assertThat(replyOnce()).isInstanceOfSatisfying(Delivery.RetryLater.class,
                    retry -> assertThat(retry.after().isNegative()).as("a negative wait").isFalse());
        }

        @Test
        void aRefusalIsRejected() {
            peerRefuses();

            assertThat(replyOnce()).isInstanceOf(Delivery.Rejected.class);
        }

        private Delivery replyOnce() {
            try (Channel channel = createMinimal()) {
                Delivery delivery = ((Replying) channel).reply(replyToAValidRequest(channel, "marker-once"));
                assertNoSecretIn(delivery.toString());
                return delivery;
            }
        }

        private Reply replyToAValidRequest(Channel channel, String marker) {
            return replyTo(accepted(receive(channel, validRequest(marker))), marker);
        }
    }
}
