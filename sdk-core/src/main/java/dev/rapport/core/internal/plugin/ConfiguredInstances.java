package dev.rapport.core.internal.plugin;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The named instances of one extension point the host configured, {@code <prefix><name>.type=<factory id>} with the
 * plugin's own keys {@code <prefix><name>.<key>}, and those the host built in code. Beside the plugin's keys, an
 * instance may set the SDK's own keys for it (how its calls are time-boxed and retried, say), which the plugin sees
 * too; an instance built in code may set only those.
 *
 * @param <T> what the extension point's factories create
 * @param <S> the SDK's settings of one instance
 */
public final class ConfiguredInstances<T extends AutoCloseable, S> {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * One instance: its name, what was created, by which factory (none when built in code), the SDK's settings for it
     * and the values of its secret keys.
     */
    public record Instance<T, S>(String name, T instance, Optional<String> type, S settings, Set<String> secrets) {
        boolean inCode() {
            return type.isEmpty();
        }
    }

    private final String prefix;
    private final Class<? extends PluginFactory<T>> spi;
    private final Set<String> sdkKeys;
    private final BiFunction<Optional<String>, PluginConfig, S> sdkSettings;
    private final Map<String, String> reservedNames;

    /**
     * @param sdkKeys     the SDK's own keys an instance may set
     * @param sdkSettings reads those keys of an instance; the first argument is its factory's id, empty for an
     *                    instance built in code
     * @param reservedNames names no instance may have, with the reason
     */
    public ConfiguredInstances(String prefix, Class<? extends PluginFactory<T>> spi, Set<String> sdkKeys,
                               BiFunction<Optional<String>, PluginConfig, S> sdkSettings,
                               Map<String, String> reservedNames) {
        this.prefix = prefix;
        this.spi = spi;
        this.sdkKeys = Set.copyOf(sdkKeys);
        this.sdkSettings = sdkSettings;
        this.reservedNames = Map.copyOf(reservedNames);
    }

    /**
     * Creates every configured instance, in name order.
     *
     * @param config every configuration key of the SDK; those under the prefix are read
     * @param inCode instances the host built, by name
     * @throws PluginConfigException naming every problem of every instance (nothing stays open then)
     */
    public List<Instance<T, S>> create(Map<String, String> config, Map<String, T> inCode, boolean discover,
                                       List<? extends PluginFactory<?>> factories, ClassLoader loader,
                                       Plugins plugins) {
        var settingsByName = new TreeMap<String, Map<String, String>>();
        inCode.keySet().forEach(name -> settingsByName.put(name, new TreeMap<>()));
        var problems = new ArrayList<String>();
        config.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                problems.add(key + ": expected " + prefix + "<name>.<key>");
                return;
            }
            settingsByName.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>())
                    .put(rest.substring(dot + 1), value);
        });
        PluginCatalog<? extends PluginFactory<T>> catalog = null;
        if (settingsByName.values().stream().anyMatch(s -> s.containsKey("type"))) {
            try {
                catalog = PluginCatalog.of(spi, discover, factories, loader);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
        }
        var created = new ArrayList<Instance<T, S>>();
        for (var entry : settingsByName.entrySet()) {
            String name = entry.getKey();
            try {
                var instance = instance(name, entry.getValue(), inCode.get(name), catalog, plugins);
                if (instance != null) {
                    created.add(instance);
                }
            } catch (PluginConfigException e) {
                e.problems().forEach(p -> problems.add(qualified(name, p)));
            } catch (RuntimeException e) {
                problems.add(prefix + name + ": could not be created: " + e.getClass().getName());
            }
        }
        if (!problems.isEmpty()) {
            created.stream().filter(c -> !c.inCode()).forEach(c -> close(c.instance()));
            throw new PluginConfigException(problems);
        }
        return created;
    }

    /** The instance; null when its factory cannot be looked up because the catalog itself failed (reported). */
    private Instance<T, S> instance(String name, Map<String, String> settings, T inCode,
                                    PluginCatalog<? extends PluginFactory<T>> catalog, Plugins plugins) {
        if (!KEBAB.matcher(name).matches()) {
            throw new PluginConfigException(prefix + name + ": the name must be kebab-case, e.g. support-mail");
        }
        if (reservedNames.containsKey(name)) {
            throw new PluginConfigException(prefix + name + ": " + reservedNames.get(name));
        }
        var problems = new ArrayList<String>();
        var sdkValues = new TreeMap<String, String>();
        settings.forEach((key, value) -> {
            if (sdkKeys.contains(key)) {
                sdkValues.put(key, value);
            }
        });
        var pluginSettings = new TreeMap<>(settings);
        String type = pluginSettings.remove("type");
        Optional<String> factoryId = inCode != null || type == null ? Optional.empty() : Optional.of(type.strip());
        S sdk = null;
        try {
            sdk = sdkSettings.apply(factoryId, PluginConfig.of(prefix + name, sdkValues, Set.of()));
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
        }
        T instance = inCode;
        var secrets = new HashSet<String>();
        if (inCode != null) {
            if (type != null || !sdkValues.keySet().containsAll(settings.keySet())) {
                problems.add(prefix + name + ": given in code, so only " + new TreeSet<>(sdkKeys)
                        + " may be configured, not " + settings.keySet());
            }
        } else if (type == null || type.isBlank()) {
            problems.add(prefix + name + ".type is required: the id of a " + spi.getSimpleName().replace("Factory", "")
                    .toLowerCase(Locale.ROOT) + " plugin");
        } else if (catalog != null) {
            try {
                var factory = catalog.get(type.strip());
                instance = plugins.create(factory, name, pluginSettings, sdkKeys);
                factory.secretKeys().forEach(key -> {
                    String value = pluginSettings.get(key);
                    if (value != null && !value.isBlank()) {
                        secrets.add(value.strip());
                    }
                });
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            if (instance != null && inCode == null) {
                close(instance);
            }
            throw new PluginConfigException(problems);
        }
        return instance == null ? null : new Instance<>(name, instance, factoryId, sdk, Set.copyOf(secrets));
    }

    /** "ops: url is required" as "<prefix>ops: url is required"; other problems get the instance named. */
    private String qualified(String name, String problem) {
        if (problem.startsWith(prefix)) {
            return problem;
        }
        return problem.startsWith(name + ":") ? prefix + problem : prefix + name + ": " + problem;
    }

    private static void close(AutoCloseable instance) {
        try {
            instance.close();
        } catch (Exception suppressed) {
            // the configuration problems are what the host needs to see
        }
    }
}
