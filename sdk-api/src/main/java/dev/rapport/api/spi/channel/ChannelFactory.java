package dev.rapport.api.spi.channel;

import dev.rapport.api.spi.PluginFactory;

import java.util.Set;

/**
 * Creates configured {@link Channel}s; found with {@link java.util.ServiceLoader}. An instance is configured with flat
 * keys such as {@code rapport.channels.support-mail.type=email} and {@code rapport.channels.support-mail.imap-host=…}.
 */
public interface ChannelFactory extends PluginFactory<Channel> {
    /**
     * The keys the SDK reads for every channel instance, beside the plugin's own: what its messages open
     * ({@code ticket-type}, {@code priority}, {@code intake}), how often and how long it is polled, the rate limit of
     * pushed requests per address, and the delivery of its replies (as a notifier's,
     * {@link dev.rapport.api.spi.notify.NotifierFactory#SDK_KEYS}). A channel must not give them a meaning of its own.
     */
    Set<String> SDK_KEYS = Set.of("ticket-type", "priority", "intake", "poll-interval", "poll-timeout", "rate-limit",
            "rate-window", "timeout", "max-attempts", "backoff-base", "backoff-cap");
}
