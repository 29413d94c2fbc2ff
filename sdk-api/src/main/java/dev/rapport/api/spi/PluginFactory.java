package dev.rapport.api.spi;

import java.util.Set;

/**
 * Creates configured instances of one kind of plugin. Found with {@link java.util.ServiceLoader}; discovered
 * means available, not active: the SDK creates only the instances the host configures.
 *
 * @param <T> what the factory creates
 */
public interface PluginFactory<T extends AutoCloseable> {
    /** The permanent kebab-case id configuration refers to, e.g. {@code jdbc}. */
    String id();

    /** Configuration keys whose values are secrets: masked in logs, errors and {@code toString()}. */
    default Set<String> secretKeys() {
        return Set.of();
    }

    /**
     * Creates one configured instance. Reads its settings from {@link PluginContext#config()}; a key it never reads
     * is reported as unknown.
     *
     * @throws PluginConfigException when the configuration is missing or malformed
     */
    T create(PluginContext context);
}
