package dev.rapport.core.internal.event;

import dev.rapport.api.event.DeadLetters;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.core.internal.event.EventDelivery.NotifierInstance;
import dev.rapport.core.internal.plugin.ConfiguredInstances;
import dev.rapport.core.internal.plugin.Plugins;

import java.util.List;
import java.util.Map;

/**
 * The notifier instances the host configured: {@code rapport.notifiers.<name>.type=<factory id>} with the plugin's
 * own keys {@code rapport.notifiers.<name>.<key>}, and instances the host built in code. Either may set the SDK's
 * delivery keys {@link DeliveryPolicy#KEYS} per instance ({@code rapport.notifiers.<name>.timeout}, …), which default
 * to the {@code rapport.events.*} ones; the plugin sees those keys too.
 */
public final class ConfiguredNotifiers {
    /** The configuration prefix of notifier instances. */
    public static final String PREFIX = "rapport.notifiers.";

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
        var instances = new ConfiguredInstances<Notifier, DeliveryPolicy>(PREFIX, NotifierFactory.class,
                DeliveryPolicy.KEYS, (type, settings) -> DeliveryPolicy.from(settings, defaults),
                Map.of(DeadLetters.LISTENERS, "the name is taken by the in-process listeners"));
        return instances.create(config, inCode, discover, factories, loader, plugins).stream()
                .map(i -> new NotifierInstance(i.name(), i.instance(), i.settings(), i.secrets()))
                .toList();
    }
}
