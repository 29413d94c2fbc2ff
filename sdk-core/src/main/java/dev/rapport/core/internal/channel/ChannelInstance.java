package dev.rapport.core.internal.channel;

import dev.rapport.api.spi.channel.Channel;

import java.util.Optional;
import java.util.Set;

/**
 * One configured channel.
 *
 * @param pluginId the id of the plugin that created it; empty when the host built it in code
 * @param secrets  the values of its secret settings, masked in whatever it says
 */
public record ChannelInstance(String name, Optional<String> pluginId, Channel channel, ChannelSettings settings,
                              Set<String> secrets) {
}
