package dev.rapport.blobstore.fs;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** A {@link PluginContext} as the SDK would give one: settings and a fixed clock. */
record TestContext(String instanceName, PluginConfig config, Clock clock) implements PluginContext {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static TestContext of(Map<String, String> settings) {
        return new TestContext("blobs", PluginConfig.of("blobs", settings, new FileSystemBlobStoreFactory().secretKeys()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    public <T> Optional<T> hostObject(Class<T> type) {
        return Optional.empty();
    }
}
