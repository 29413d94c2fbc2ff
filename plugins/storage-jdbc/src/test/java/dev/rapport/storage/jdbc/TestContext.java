package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link PluginContext} as the SDK would give one: settings, a fixed clock and host objects. */
record TestContext(String instanceName, PluginConfig config, Clock clock, Map<Class<?>, Object> hostObjects)
        implements PluginContext {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static TestContext of(Map<String, String> settings) {
        return withHostObjects(settings, Map.of());
    }

    static TestContext withHostObjects(Map<String, String> settings, Map<Class<?>, Object> hostObjects) {
        var config = PluginConfig.of("storage", settings, new JdbcStorageFactory().secretKeys());
        return new TestContext("storage", config, Clock.fixed(NOW, ZoneOffset.UTC), hostObjects);
    }

    @Override
    public <T> Optional<T> hostObject(Class<T> type) {
        return Optional.ofNullable(hostObjects.get(type)).map(type::cast);
    }

    /** The keys the storage never read: the ones the SDK would reject as unknown. */
    Set<String> unreadKeys() {
        return config.unreadKeys();
    }
}
