package dev.rapport.core.plugin;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.PluginFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Creates configured plugin instances and refuses configuration keys the plugin does not know. */
public final class Plugins {
    private final Clock clock;
    private final Map<Class<?>, Object> hostObjects;

    public Plugins(Clock clock, Map<Class<?>, Object> hostObjects) {
        this.clock = clock;
        this.hostObjects = Map.copyOf(hostObjects);
    }

    /**
     * Creates the instance {@code instanceName} from {@code factory} with {@code settings}.
     *
     * @throws PluginConfigException naming the instance, each unknown key and the known keys
     */
    public <T extends AutoCloseable> T create(PluginFactory<T> factory, String instanceName, Map<String, String> settings) {
        return create(factory, instanceName, settings, Set.of());
    }

    /**
     * The same, where {@code sdkKeys} are settings the SDK reads itself (such as a notifier's {@code timeout}): the
     * plugin sees them too, and may read them, but they are never unknown.
     */
    public <T extends AutoCloseable> T create(PluginFactory<T> factory, String instanceName, Map<String, String> settings,
                                              Set<String> sdkKeys) {
        var config = PluginConfig.of(instanceName, settings, factory.secretKeys());
        T instance = factory.create(new Context(instanceName, config));
        var unknown = config.unreadKeys();
        unknown.removeAll(sdkKeys);
        if (!unknown.isEmpty()) {
            try {
                instance.close();
            } catch (Exception suppressed) {
                // the configuration error below is what the host needs to see
            }
            var known = new TreeSet<>(config.readKeys());
            known.addAll(sdkKeys);
            throw new PluginConfigException(instanceName + ": unknown key(s) " + unknown + "; known keys: " + known);
        }
        return instance;
    }

    private final class Context implements PluginContext {
        private final String instanceName;
        private final PluginConfig config;

        private Context(String instanceName, PluginConfig config) {
            this.instanceName = instanceName;
            this.config = config;
        }

        @Override
        public String instanceName() {
            return instanceName;
        }

        @Override
        public PluginConfig config() {
            return config;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public <T> Optional<T> hostObject(Class<T> type) {
            return Optional.ofNullable(hostObjects.get(type)).map(type::cast);
        }
    }
}
