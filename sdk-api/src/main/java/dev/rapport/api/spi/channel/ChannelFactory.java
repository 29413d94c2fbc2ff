package dev.rapport.api.spi.channel;

import dev.rapport.api.spi.PluginFactory;

/**
 * Creates configured {@link Channel}s; found with {@link java.util.ServiceLoader}. An instance is configured with flat
 * keys such as {@code rapport.channels.support-mail.type=email} and {@code rapport.channels.support-mail.imap-host=…}.
 */
public interface ChannelFactory extends PluginFactory<Channel> {
}
