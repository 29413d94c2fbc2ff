package dev.rapport.api.spi.notify;

import dev.rapport.api.spi.PluginFactory;

/**
 * Creates configured {@link Notifier}s; found with {@link java.util.ServiceLoader}. An instance is configured with flat
 * keys such as {@code rapport.notifiers.ops.type=webhook} and {@code rapport.notifiers.ops.url=…}.
 */
public interface NotifierFactory extends PluginFactory<Notifier> {
}
