package dev.rapport.testkit;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.PluginFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PluginContext} as the SDK hands one to a factory: an instance name, its settings (secret values masked
 * by the factory's {@link PluginFactory#secretKeys()}), a {@link MutableClock} and host objects. Immutable: the
 * {@code with…} methods return a new context with fresh settings.
 *
 * <pre>{@code
 * var context = TestPluginContext.of(factory, Map.of("url", peer.uri().toString()));
 * try (Notifier notifier = context.create(factory)) {
 *     context.clock().advance(Duration.ofMinutes(5));
 *     ...
 * }
 * }</pre>
 */
public final class TestPluginContext implements PluginContext {
    /** Where the clock of a new context starts: a Monday morning in Shanghai, 09:00 UTC+8 is 01:00 UTC. */
    public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    private final String instanceName;
    private final Map<String, String> settings;
    private final PluginFactory<?> factory;
    private final PluginConfig config;
    private final MutableClock clock;
    private final Map<Class<?>, Object> hostObjects;

    private TestPluginContext(String instanceName, Map<String, String> settings, PluginFactory<?> factory,
                              MutableClock clock, Map<Class<?>, Object> hostObjects) {
        this.instanceName = instanceName;
        this.settings = Map.copyOf(settings);
        this.factory = factory;
        this.config = PluginConfig.of(instanceName, settings, factory);
        this.clock = clock;
        this.hostObjects = Map.copyOf(hostObjects);
    }

    /**
     * A context named {@code test} with {@code settings}, declared keys and secret keys taken from {@code factory},
     * a clock standing at {@link #START} and no host objects.
     */
    public static TestPluginContext of(PluginFactory<?> factory, Map<String, String> settings) {
        return new TestPluginContext("test", settings, factory, MutableClock.at(START), Map.of());
    }

    /** The same settings for an instance called {@code name}. */
    public TestPluginContext named(String name) {
        return new TestPluginContext(name, settings, factory, clock, hostObjects);
    }

    /** The same context reading time from {@code newClock}. */
    public TestPluginContext withClock(MutableClock newClock) {
        return new TestPluginContext(instanceName, settings, factory, Objects.requireNonNull(newClock), hostObjects);
    }

    /** The same context offering {@code object} as the host's {@code type}, e.g. a {@code DataSource}. */
    public <H> TestPluginContext withHostObject(Class<H> type, H object) {
        var objects = new HashMap<>(hostObjects);
        objects.put(type, type.cast(object));
        return new TestPluginContext(instanceName, settings, factory, clock, objects);
    }

    /**
     * Creates an instance from {@code factory} as the SDK does: a factory that declares its keys has the settings
     * checked against them first (every unknown key, missing required key and malformed value at once); one that
     * declares none reads its settings, then keys it never read are refused, naming the instance, each unknown key
     * and the nearest or all known keys.
     *
     * @throws PluginConfigException when the settings do not fit the factory's keys or the factory refuses them
     */
    public <T extends AutoCloseable> T create(PluginFactory<T> factory) {
        var declaredProblems = config.problems(Set.of());
        if (!declaredProblems.isEmpty()) {
            throw new PluginConfigException(declaredProblems);
        }
        T instance = factory.create(this);
        var unknown = config.unreadProblems(Set.of());
        if (!unknown.isEmpty()) {
            try {
                instance.close();
            } catch (Exception suppressed) {
                // the configuration problem below is what the test needs to see
            }
            throw new PluginConfigException(unknown);
        }
        return instance;
    }

    @Override
    public String instanceName() {
        return instanceName;
    }

    @Override
    public PluginConfig config() {
        return config;
    }

    /** The context's clock, to move in tests. */
    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public <T> Optional<T> hostObject(Class<T> type) {
        return Optional.ofNullable(hostObjects.get(type)).map(type::cast);
    }

    @Override
    public String toString() {
        return "TestPluginContext[" + config + "]";
    }
}
