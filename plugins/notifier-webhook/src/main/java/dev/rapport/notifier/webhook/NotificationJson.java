package dev.rapport.notifier.webhook;

import dev.rapport.api.Identifier;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Recipient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a notification as the webhook's JSON body:
 * {@code {"id", "type", "occurredAt", "subjectId", "event": {…}, "recipients": [{"id", "name", "locale"}]}}.
 * The event's record components are written by name, in declaration order: ids as strings, instants and dates as
 * ISO-8601 strings, enums by name, empty optionals as {@code null}, lists as arrays, nested records as objects.
 * Recipients' e-mail addresses are not written.
 */
final class NotificationJson {
    private static final int MAX_DEPTH = 16;
    private final StringBuilder out = new StringBuilder(512);

    private NotificationJson() {
    }

    static String write(Notification notification) {
        var json = new NotificationJson();
        var event = notification.event();
        json.out.append('{');
        json.field("id").string(notification.id()).comma();
        json.field("type").string(event.eventType()).comma();
        json.field("occurredAt").string(event.occurredAt().toString()).comma();
        json.field("subjectId").string(event.subjectId()).comma();
        json.field("event").value(event, 0).comma();
        json.field("recipients").out.append('[');
        boolean first = true;
        for (Recipient recipient : notification.recipients()) {
            if (!first) {
                json.comma();
            }
            first = false;
            json.out.append('{');
            json.field("id").string(recipient.id().value()).comma();
            json.field("name").string(recipient.name()).comma();
            json.field("locale").string(recipient.locale().toLanguageTag());
            json.out.append('}');
        }
        json.out.append("]}");
        return json.out.toString();
    }

    private NotificationJson value(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("event nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (value) {
            case null -> out.append("null");
            case Optional<?> optional -> value(optional.orElse(null), depth);
            case Identifier id -> string(id.value());
            case CharSequence text -> string(text.toString());
            case Boolean bool -> out.append(bool);
            case Integer n -> out.append(n);
            case Long n -> out.append(n);
            case Short n -> out.append(n);
            case Byte n -> out.append(n);
            case BigInteger n -> out.append(n);
            case BigDecimal n -> out.append(n.toPlainString());
            case Double n when Double.isFinite(n) -> out.append(n);
            case Float n when Float.isFinite(n) -> out.append(n);
            case Enum<?> constant -> string(constant.name());
            case Locale locale -> string(locale.toLanguageTag());
            case TemporalAccessor time -> string(time.toString());
            case TemporalAmount amount -> string(amount.toString());
            case Collection<?> items -> {
                out.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        comma();
                    }
                    first = false;
                    value(item, depth + 1);
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (var entry : map.entrySet()) {
                    if (!first) {
                        comma();
                    }
                    first = false;
                    field(String.valueOf(entry.getKey())).value(entry.getValue(), depth + 1);
                }
                out.append('}');
            }
            case Record item -> {
                out.append('{');
                boolean first = true;
                for (RecordComponent component : item.getClass().getRecordComponents()) {
                    if (!first) {
                        comma();
                    }
                    first = false;
                    field(component.getName()).value(read(component, item), depth + 1);
                }
                out.append('}');
            }
            default -> string(value.toString());
        }
        return this;
    }

    private static Object read(RecordComponent component, Record item) {
        try {
            return component.getAccessor().invoke(item);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + item.getClass().getSimpleName() + "."
                    + component.getName(), e);
        }
    }

    private NotificationJson field(String name) {
        string(name);
        out.append(':');
        return this;
    }

    private NotificationJson comma() {
        out.append(',');
        return this;
    }

    /** A JSON string: quotes, backslashes and control characters escaped, and lone surrogates too (as invalid UTF-16). */
    private NotificationJson string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f) {
                        unicode(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }

    private void unicode(char c) {
        out.append(String.format("\\u%04x", (int) c));
    }
}
