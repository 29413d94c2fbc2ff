package dev.rapport.notifier.webhook;

import dev.rapport.api.event.EventJson;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Recipient;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a notification as the webhook's JSON body, with the SDK's {@link EventJson}:
 * {@code {"id", "type", "occurredAt", "subjectId", "event": {…}, "recipients": [{"id", "name", "locale"}]}}, where
 * {@code event} is the event's payload as in EventJson's envelope. The body keeps the shape it had before the
 * envelope existed, so that receivers need no change. Recipients' e-mail addresses are not written.
 */
final class NotificationJson {
    private NotificationJson() {
    }

    static String write(Notification notification) {
        var event = notification.event();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", notification.id());
        body.put("type", event.eventType());
        body.put("occurredAt", event.occurredAt());
        body.put("subjectId", event.subjectId());
        body.put("event", event);
        body.put("recipients", notification.recipients().stream().map(NotificationJson::recipient).toList());
        return EventJson.value(body);
    }

    private static Map<String, Object> recipient(Recipient recipient) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", recipient.id());
        fields.put("name", recipient.name());
        fields.put("locale", recipient.locale());
        return fields;
    }
}
