package dev.rapport.core.plugin;

import dev.rapport.api.event.DeadLetters;
import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.core.event.DeliveryPolicy;
import dev.rapport.core.event.EventDelivery.NotifierInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The notifier instances the host configured: {@code rapport.notifiers.<name>.type=<factory id>} with the plugin's
 * own keys {@code rapport.notifiers.<name>.<key>}, and instances the host built in code. Either may set the SDK's
 * delivery keys {@link DeliveryPolicy#KEYS} per instance ({@code rapport.notifiers.<name>.timeout}, …), which default
 * to the {@code rapport.events.*} ones; the plugin sees those keys too.
 */
public final class ConfiguredNotifiers {
    /** The configuration prefix of notifier instances. */
    public static final String PREFIX = "rapport.notifiers.";
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private ConfiguredNotifiers() {
    }

    /**
     * Creates every configured instance, in name order.
     *
     * @param config   every configuration key of the SDK; those under {@link #PREFIX} are read
     * @param inCode   instances the host built, by name
     * @param defaults the delivery policy of instances that set none
     * @throws PluginConfigException naming every problem of every instance (nothing stays open then)
     */
    public static List<NotifierInstance> create(Map<String, String> config, Map<String, Notifier> inCode,
                                                DeliveryPolicy defaults, boolean discover,
                                                List<? extends PluginFactory<?>> factories, ClassLoader loader,
                                                Plugins plugins) {
        var settingsByName = new TreeMap<String, Map<String, String>>();
        inCode.keySet().forEach(name -> settingsByName.put(name, new TreeMap<>()));
        var problems = new ArrayList<String>();
        config.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                problems.add(key + ": expected " + PREFIX + "<name>.<key>");
                return;
            }
            settingsByName.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>())
                    .put(rest.substring(dot + 1), value);
        });
        PluginCatalog<NotifierFactory> catalog = null;
        if (settingsByName.values().stream().anyMatch(s -> s.containsKey("type"))) {
            try {
                catalog = PluginCatalog.of(NotifierFactory.class, discover, factories, loader);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
        }
        var created = new ArrayList<NotifierInstance>();
        for (var entry : settingsByName.entrySet()) {
            String name = entry.getKey();
            try {
                instance(name, entry.getValue(), inCode.get(name), defaults, catalog, plugins).ifPresent(created::add);
            } catch (PluginConfigException e) {
                e.problems().forEach(p -> problems.add(qualified(name, p)));
            } catch (RuntimeException e) {
                problems.add(PREFIX + name + ": could not be created: " + e.getClass().getName());
            }
        }
        if (!problems.isEmpty()) {
            created.forEach(c -> close(c.notifier()));
            throw new PluginConfigException(problems);
        }
        return created;
    }

    /** The instance; empty when its factory cannot be looked up because the catalog itself failed (reported). */
    private static Optional<NotifierInstance> instance(String name, Map<String, String> settings, Notifier inCode,
                                                       DeliveryPolicy defaults, PluginCatalog<NotifierFactory> catalog,
                                                       Plugins plugins) {
        if (!KEBAB.matcher(name).matches()) {
            throw new PluginConfigException(PREFIX + name + ": the name must be kebab-case, e.g. ops-webhook");
        }
        if (name.equals(DeadLetters.LISTENERS)) {
            throw new PluginConfigException(PREFIX + name + ": the name is taken by the in-process listeners");
        }
        var problems = new ArrayList<String>();
        var sdkSettings = new TreeMap<String, String>();
        settings.forEach((key, value) -> {
            if (DeliveryPolicy.KEYS.contains(key)) {
                sdkSettings.put(key, value);
            }
        });
        var policy = defaults;
        try {
            policy = DeliveryPolicy.from(PluginConfig.of(PREFIX + name, sdkSettings, Set.of()), defaults);
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
        }
        var pluginSettings = new TreeMap<>(settings);
        String type = pluginSettings.remove("type");
        Notifier notifier = inCode;
        var secrets = new HashSet<String>();
        if (inCode != null) {
            if (type != null || !sdkSettings.keySet().containsAll(settings.keySet())) {
                problems.add(PREFIX + name + ": given in code, so only " + new TreeSet<>(DeliveryPolicy.KEYS)
                        + " may be configured, not " + settings.keySet());
            }
        } else if (type == null || type.isBlank()) {
            problems.add(PREFIX + name + ".type is required: the id of a notifier plugin");
        } else if (catalog != null) {
            try {
                var factory = catalog.get(type.strip());
                notifier = plugins.create(factory, name, pluginSettings, DeliveryPolicy.KEYS);
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
            if (notifier != null && inCode == null) {
                close(notifier);
            }
            throw new PluginConfigException(problems);
        }
        var chosen = policy;
        return Optional.ofNullable(notifier).map(n -> new NotifierInstance(name, n, chosen, secrets));
    }

    /** "ops: url is required" as "rapport.notifiers.ops: url is required"; other problems get the instance named. */
    private static String qualified(String name, String problem) {
        if (problem.startsWith(PREFIX)) {
            return problem;
        }
        return problem.startsWith(name + ":") ? PREFIX + problem : PREFIX + name + ": " + problem;
    }

    private static void close(Notifier notifier) {
        try {
            notifier.close();
        } catch (RuntimeException suppressed) {
            // the configuration problems are what the host needs to see
        }
    }
}
