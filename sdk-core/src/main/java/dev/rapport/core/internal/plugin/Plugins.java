package dev.rapport.core.internal.plugin;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.PluginFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates configured plugin instances and refuses configuration keys the plugin does not know. */
public final class Plugins {
    private final Clock clock;
    private final Map<Class<?>, Object> hostObjects;

    public Plugins(Clock clock, Map<Class<?>, Object> hostObjects) {
        this.clock = clock;
        this.hostObjects = Map.copyOf(hostObjects);
    }

    /**
     * Creates the instance {@code instanceName} from {@code factory} with {@code settings}: checked against the
     * factory's declared keys first when it declares them, else for keys it never read after creating it.
     *
     * @throws PluginConfigException naming the instance and every problem: each unknown key (with the nearest known
     *                               one, or the known keys), each missing required key, each malformed value
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
        var config = PluginConfig.of(instanceName, settings, factory);
        var declaredProblems = config.problems(sdkKeys);
        if (!declaredProblems.isEmpty()) {
            throw new PluginConfigException(declaredProblems);
        }
        T instance = factory.create(new Context(instanceName, config));
        var unknown = config.unreadProblems(sdkKeys);
        if (!unknown.isEmpty()) {
            try {
                instance.close();
            } catch (Exception suppressed) {
                // the configuration error below is what the host needs to see
            }
            throw new PluginConfigException(unknown);
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
