package com.example.rapport.chat;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;

import java.util.List;

// tag::factory[]
/** Creates the {@code chat-room} notifier, which posts a line per notification to a chat room's incoming webhook. */
public final class ChatRoomNotifierFactory implements NotifierFactory {
    @Override
    public String id() {
        return "chat-room";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.required("url", ConfigKey.Type.HTTP_URL, "the chat room's incoming webhook"),
                ConfigKey.required("token", ConfigKey.Type.STRING, "the room's token").asSecret(),
                ConfigKey.optional("request-timeout", ConfigKey.Type.DURATION, "5s", "one post, answer included"));
    }

    @Override
    public Notifier create(PluginContext context) {
        var config = context.config();
        return new ChatRoomNotifier(config.uri("url"), config.string("token"), config.duration("request-timeout"),
                context.clock());
    }
}
// end::factory[]
