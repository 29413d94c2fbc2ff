package dev.rapport.api.spi;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates configured instances of one kind of plugin. Found with {@link java.util.ServiceLoader}; discovered
 * means available, not active: the SDK creates only the instances the host configures.
 *
 * @param <T> what the factory creates
 */
public interface PluginFactory<T extends AutoCloseable> {
    /** The permanent kebab-case id configuration refers to, e.g. {@code jdbc}. */
    String id();

    /**
     * The configuration keys an instance takes, with their types, defaults and descriptions. The SDK checks an
     * instance's settings against them before calling {@link #create}, reporting every unknown key (suggesting the
     * nearest declared one), every missing required key and every malformed value at once. Empty by default: the
     * SDK then learns the keys from what {@code create} reads, and can report only after creating.
     */
    default List<ConfigKey> keys() {
        return List.of();
    }

    /**
     * Configuration keys whose values are secrets: masked in logs, errors and {@code toString()}. By default the
     * {@link #keys() declared keys} marked {@link ConfigKey#secret() secret}.
     */
    default Set<String> secretKeys() {
        return keys().stream().filter(ConfigKey::secret).map(ConfigKey::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Creates one configured instance. Reads its settings from {@link PluginContext#config()}: when the factory
     * declares its keys, the SDK has checked them already; otherwise a key it never reads is reported as unknown.
     *
     * @throws PluginConfigException when the configuration is missing or malformed
     */
    T create(PluginContext context);
}
