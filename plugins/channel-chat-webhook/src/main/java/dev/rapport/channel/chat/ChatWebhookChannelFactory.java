package dev.rapport.channel.chat;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.ChannelFactory;

import java.util.List;

/**
 * Creates the {@code chat-webhook} channel: a generic JSON webhook for chat platforms, a
 * {@link dev.rapport.api.spi.channel.PushChannel} that also {@linkplain dev.rapport.api.spi.channel.Replying replies}.
 *
 * <p><b>In.</b> The platform (or an adapter in front of it) POSTs each event as JSON, signed as the webhook notifier
 * signs: {@code X-Rapport-Timestamp} (epoch seconds) and {@code X-Rapport-Signature: sha256=<hex>}, the HMAC-SHA256
 * with the shared {@code secret} of the timestamp, a dot and the raw body. A request without both headers, with a
 * signature that does not match, or with a timestamp further than {@code tolerance} from the SDK's clock is
 * unauthenticated. The body:
 * <pre>{@code
 * {"type": "message", "messageId": "m-8812", "conversationId": "c-42",
 *  "sender": {"id": "U024BE7LH", "name": "李娜", "email": "li.na@example.com", "phone": "+86 139 1111 2222"},
 *  "text": "我的订单还没到", "sentAt": "2026-03-02T09:00:00+08:00", "replyTo": "m-8790"}
 * }</pre>
 * {@code messageId}, {@code conversationId}, {@code sender.id} (the customer's handle) and {@code text} (at most 10,000
 * characters) are required; the sender's other fields, {@code sentAt} (default: when it came) and {@code replyTo} (the
 * message answered, e.g. a reply's id) are optional; other fields are ignored. An event of another {@code type} is
 * ignored. The conversation threads the message to its open ticket.
 *
 * <p><b>Out.</b> A reply is POSTed to {@code reply-url}, signed the same way with the same secret:
 * <pre>{@code
 * {"type": "reply", "replyId": "…", "ticketNumber": "T2026000123", "conversationId": "c-42",
 *  "to": {"id": "U024BE7LH"}, "text": "…", "inReplyTo": "m-8812"}
 * }</pre>
 * ({@code conversationId} and {@code inReplyTo} may be {@code null}). A 2xx answer is delivered, with the platform's
 * {@code messageId} as the receipt when it answers {@code {"messageId": "…"}}, else the {@code replyId}, which stays the
 * same when a reply is sent again. 408, 425, 429, 5xx, a timeout or a network error is retried (no sooner than
 * {@code Retry-After}); any other answer, redirects included, is rejected.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code secret} (required, secret, at least {@value #MIN_SECRET_LENGTH} characters): shared with the platform,
 *   for both directions;</li>
 *   <li>{@code reply-url} (required): an {@code http} or {@code https} URL replies are POSTed to;</li>
 *   <li>{@code tolerance} (default 5m): how far a request's timestamp may be from the SDK's clock, either way;</li>
 *   <li>{@code request-timeout} (default 8s): connecting and posting one reply, answer included; keep it below the
 *   SDK's time box for the instance ({@code timeout}, 10s by default), which is the SDK's key, not the channel's.</li>
 * </ul>
 */
public final class ChatWebhookChannelFactory implements ChannelFactory {
    /** The id configuration refers to. */
    public static final String ID = "chat-webhook";
    static final String SECRET = "secret";
    static final String REPLY_URL = "reply-url";
    static final String TOLERANCE = "tolerance";
    static final String REQUEST_TIMEOUT = "request-timeout";
    static final int MIN_SECRET_LENGTH = 16;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.required(SECRET, ConfigKey.Type.STRING, "shared with the platform, for both directions")
                        .asSecret().withMinLength(MIN_SECRET_LENGTH),
                ConfigKey.required(REPLY_URL, ConfigKey.Type.HTTP_URL, "where replies are POSTed"),
                ConfigKey.optional(TOLERANCE, ConfigKey.Type.DURATION, "5m",
                        "how far a request's timestamp may be from the SDK's clock, either way"),
                ConfigKey.optional(REQUEST_TIMEOUT, ConfigKey.Type.DURATION, "8s",
                        "connecting and posting one reply, answer included"));
    }

    @Override
    public Channel create(PluginContext context) {
        var config = context.config();
        return new ChatWebhookChannel(config.string(SECRET), config.uri(REPLY_URL), config.duration(TOLERANCE),
                config.duration(REQUEST_TIMEOUT), context.clock());
    }
}
