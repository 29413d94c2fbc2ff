package dev.rapport.harness;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code inbox} notifier of the harness's own tests: it keeps what it is given in the {@link Inbox} its
 * {@code inbox} setting names, and answers as that inbox is told. The SDK creates it from configuration, so a test
 * reaches it only through the inbox's name.
 */
public final class InboxNotifierFactory implements NotifierFactory {
    @Override
    public String id() {
        return "inbox";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(ConfigKey.required("inbox", ConfigKey.Type.STRING, "the name of the inbox to keep notifications in"));
    }

    @Override
    public Notifier create(PluginContext context) {
        var inbox = Inbox.named(context.config().string("inbox"));
        return new Notifier() {
            @Override
            public Delivery deliver(Notification notification) {
                inbox.received.add(notification);
                return inbox.answer;
            }

            @Override
            public void close() {
                inbox.closed = true;
            }
        };
    }

    /** What one test's notifier received, and how it answers. */
    static final class Inbox {
        private static final Map<String, Inbox> ALL = new ConcurrentHashMap<>();
        final List<Notification> received = new CopyOnWriteArrayList<>();
        volatile Delivery answer = Delivery.delivered();
        volatile boolean closed;

        static Inbox named(String name) {
            return ALL.computeIfAbsent(name, n -> new Inbox());
        }

        List<String> eventTypes() {
            return received.stream().map(n -> n.event().eventType()).toList();
        }
    }
}
