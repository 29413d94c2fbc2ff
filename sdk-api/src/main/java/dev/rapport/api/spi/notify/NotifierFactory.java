package dev.rapport.api.spi.notify;

import dev.rapport.api.spi.PluginFactory;

import java.util.Set;

/**
 * Creates configured {@link Notifier}s; found with {@link java.util.ServiceLoader}. An instance is configured with flat
 * keys such as {@code rapport.notifiers.ops.type=webhook} and {@code rapport.notifiers.ops.url=…}.
 */
public interface NotifierFactory extends PluginFactory<Notifier> {
    /**
     * The keys the SDK reads for every notifier instance, beside the plugin's own: the time box of each call
     * ({@code timeout}), then attempts and back-off. The plugin's configuration holds them too, but a notifier must
     * not give them a meaning of its own: name its own timeouts e.g. {@code request-timeout} or {@code read-timeout}.
     */
    Set<String> SDK_KEYS = Set.of("timeout", "max-attempts", "backoff-base", "backoff-cap");
}
