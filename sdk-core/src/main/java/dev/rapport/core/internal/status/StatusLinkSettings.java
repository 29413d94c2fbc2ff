package dev.rapport.core.internal.status;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.core.internal.ConfigSection;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of customers' status links, the keys under {@value #PREFIX}.
 *
 * @param baseUrl    where the status page is served ({@code base-url}, an http or https URL without a query); links are
 *                   {@code <base-url>/status/<token>}. Without it no links are sent
 * @param validity   how long after the resolution a link takes a confirmation ({@code validity}, default 14 days)
 * @param rateLimit  how many public requests (page, confirmation) one client address may make per {@code rateWindow},
 *                   counted across all nodes ({@code rate-limit}, default 20; {@code rate-window}, default 1 min)
 * @param mailChannel the channel that mails the link to a customer whose ticket came by a channel that cannot answer
 *                    (the web form) but who gave an e-mail address ({@code mail-channel}); by default the only
 *                    configured channel of type {@code email}, if there is exactly one
 */
public record StatusLinkSettings(Optional<URI> baseUrl, Duration validity, int rateLimit, Duration rateWindow,
                                 Optional<String> mailChannel) {
    public static final String PREFIX = "rapport.status-links.";
    static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);

    public StatusLinkSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(rateWindow, "rateWindow");
        Objects.requireNonNull(mailChannel, "mailChannel");
    }

    /** No links; 14 days, 20 requests a minute per address once a base URL is given. */
    public static StatusLinkSettings standard() {
        return new StatusLinkSettings(Optional.empty(), DEFAULT_VALIDITY, 20, Duration.ofMinutes(1), Optional.empty());
    }

    /**
     * The settings among {@code config} (every key of the SDK; those under {@value #PREFIX} are read).
     *
     * @throws PluginConfigException naming every malformed, out-of-range or unknown key
     */
    public static StatusLinkSettings from(Map<String, String> config) {
        var section = ConfigSection.of(PREFIX, config, key -> key.startsWith(PREFIX));
        var defaults = standard();
        Optional<String> base = section.optionalText("base-url");
        Duration validity = section.positiveDuration("validity", DEFAULT_VALIDITY);
        int limit = section.integerAtLeast("rate-limit", 1, defaults.rateLimit());
        Duration window = section.positiveDuration("rate-window", defaults.rateWindow());
        Optional<String> mailChannel = section.optionalText("mail-channel");
        Optional<URI> baseUrl = base.flatMap(b -> baseUrl(b, section));
        section.finish("");
        return new StatusLinkSettings(baseUrl, validity, limit, window, mailChannel);
    }

    /** An absolute http(s) URL with a host and neither query nor fragment, without a trailing slash. */
    private static Optional<URI> baseUrl(String value, ConfigSection section) {
        try {
            var uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (http && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        section.problem("base-url must be an http or https URL with a host and no query, e.g. "
                + "https://service.example.com");
        return Optional.empty();
    }
}
