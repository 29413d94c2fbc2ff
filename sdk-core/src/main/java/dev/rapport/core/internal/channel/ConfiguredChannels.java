package dev.rapport.core.internal.channel;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.ChannelFactory;
import dev.rapport.api.spi.channel.PollingChannel;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.core.internal.event.DeliveryPolicy;
import dev.rapport.core.internal.plugin.ConfiguredInstances;
import dev.rapport.core.internal.plugin.Plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The channel instances the host configured, {@code rapport.channels.<name>.type=<plugin id>} with the plugin's own
 * keys beside the SDK's {@link ChannelSettings#KEYS}, and those the host built in code.
 */
public final class ConfiguredChannels {
    /** The configuration prefix of channel instances. */
    public static final String PREFIX = "rapport.channels.";

    private ConfiguredChannels() {
    }

    /**
     * @param replyDefaults how replies are delivered where an instance sets nothing
     * @throws PluginConfigException naming every problem; an instance that neither polls nor receives is one
     */
    public static List<ChannelInstance> create(Map<String, String> config, Map<String, Channel> inCode,
                                               DeliveryPolicy replyDefaults, boolean discover,
                                               List<? extends PluginFactory<?>> factories, ClassLoader loader,
                                               Plugins plugins) {
        var instances = new ConfiguredInstances<Channel, ChannelSettings>(PREFIX, ChannelFactory.class,
                ChannelSettings.KEYS, (pluginId, settings) -> ChannelSettings.from(pluginId, settings, replyDefaults),
                Map.of());
        var created = instances.create(config, inCode, discover, factories, loader, plugins).stream()
                .map(i -> new ChannelInstance(i.name(), i.type(), i.instance(), i.settings(), i.secrets()))
                .toList();
        var problems = new ArrayList<String>();
        created.stream()
                .filter(c -> !(c.channel() instanceof PollingChannel) && !(c.channel() instanceof PushChannel))
                .forEach(c -> problems.add(PREFIX + c.name() + ": " + c.channel().getClass().getName()
                        + " is neither a PollingChannel nor a PushChannel"));
        if (!problems.isEmpty()) {
            created.stream().filter(c -> c.pluginId().isPresent()).forEach(c -> c.channel().close());
            throw new PluginConfigException(problems);
        }
        return created;
    }
}
