package dev.rapport.notifier.webhook;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;

import java.util.List;

/**
 * Creates the {@code webhook} notifier: each notification is POSTed as JSON to a URL, signed with HMAC-SHA256 (see
 * {@link WebhookSignature} for the headers and how a receiver checks them).
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code url} (required): an {@code http} or {@code https} URL;</li>
 *   <li>{@code secret} (required, secret, at least {@value #MIN_SECRET_LENGTH} characters): the key shared with
 *   the receiver;</li>
 *   <li>{@code connect-timeout} (default 5s): how long to wait for a connection;</li>
 *   <li>{@code request-timeout} (default 8s): how long one delivery may take in all, answer included; keep it
 *   below the SDK's time box for the instance ({@code timeout}, 10s by default).</li>
 * </ul>
 * A 2xx answer is delivered; 408, 425, 429, 5xx, a timeout or a network error is retried later (no sooner than
 * the answer's {@code Retry-After}); any other answer, redirects included, is rejected.
 */
public final class WebhookNotifierFactory implements NotifierFactory {
    /** The id configuration refers to. */
    public static final String ID = "webhook";
    static final String URL = "url";
    static final String SECRET = "secret";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String REQUEST_TIMEOUT = "request-timeout";
    static final int MIN_SECRET_LENGTH = 16;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.required(URL, ConfigKey.Type.HTTP_URL, "where notifications are POSTed"),
                ConfigKey.required(SECRET, ConfigKey.Type.STRING, "the key shared with the receiver")
                        .asSecret().withMinLength(MIN_SECRET_LENGTH),
                ConfigKey.optional(CONNECT_TIMEOUT, ConfigKey.Type.DURATION, "5s", "how long to wait for a connection"),
                ConfigKey.optional(REQUEST_TIMEOUT, ConfigKey.Type.DURATION, "8s",
                        "one delivery in all, answer included"));
    }

    @Override
    public Notifier create(PluginContext context) {
        var config = context.config();
        return new WebhookNotifier(config.uri(URL), config.string(SECRET), config.duration(CONNECT_TIMEOUT),
                config.duration(REQUEST_TIMEOUT), context.clock());
    }
}
