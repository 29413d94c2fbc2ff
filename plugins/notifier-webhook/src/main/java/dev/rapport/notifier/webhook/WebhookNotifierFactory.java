package dev.rapport.notifier.webhook;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

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
    public Set<String> secretKeys() {
        return Set.of(SECRET);
    }

    /** @throws PluginConfigException when the URL or the secret is missing or unfit, or a timeout is not positive */
    @Override
    public Notifier create(PluginContext context) {
        var config = context.config();
        String instance = context.instanceName();
        URI url = config.optionalUri(URL)
                .orElseThrow(() -> new PluginConfigException(instance + ": " + URL + " is required"));
        if (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.getHost() == null) {
            throw new PluginConfigException(instance + ": " + URL + " must be an http or https URL with a host");
        }
        String secret = config.string(SECRET);
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new PluginConfigException(instance + ": " + SECRET + " must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        Duration connectTimeout = positive(instance, CONNECT_TIMEOUT,
                config.duration(CONNECT_TIMEOUT, Duration.ofSeconds(5)));
        Duration timeout = positive(instance, REQUEST_TIMEOUT, config.duration(REQUEST_TIMEOUT, Duration.ofSeconds(8)));
        return new WebhookNotifier(url, secret, connectTimeout, timeout, context.clock());
    }

    private static Duration positive(String instance, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new PluginConfigException(instance + ": " + key + " must be positive");
        }
        return value;
    }
}
