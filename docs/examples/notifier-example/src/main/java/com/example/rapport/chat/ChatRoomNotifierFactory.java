package com.example.rapport.chat;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

// tag::factory[]
/**
 * Creates the {@code chat-room} notifier, which posts a line per notification to a chat room's incoming webhook.
 * Settings: {@code url} (required), {@code token} (required, secret), {@code request-timeout} (default 5s).
 */
public final class ChatRoomNotifierFactory implements NotifierFactory {
    @Override
    public String id() {
        return "chat-room";
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("token");
    }

    @Override
    public Notifier create(PluginContext context) {
        PluginConfig config = context.config();
        URI url = config.optionalUri("url")
                .orElseThrow(() -> new PluginConfigException(context.instanceName() + ": url is required"));
        String token = config.string("token");
        Duration timeout = config.duration("request-timeout", Duration.ofSeconds(5));
        return new ChatRoomNotifier(url, token, timeout);
    }
}
// end::factory[]
