package dev.rapport.api.event;

import dev.rapport.api.Identifier;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Domain events as JSON, written one way for every plugin and host: the versioned envelope
 * ({@link #envelope(String, DomainEvent)}), an event's payload alone ({@link #payload(DomainEvent)}) and any other
 * value a plugin sends ({@link #value(Object)}). The envelope, version {@value #VERSION}:
 *
 * <pre>{@code
 * {"version": 1, "id": "n-0001", "type": "TicketCreated", "occurredAt": "2026-03-02T01:00:00Z",
 *  "subjectId": "t-0001", "ticketId": "t-0001", "customerId": "c-0042", "actorId": "u-agent-li",
 *  "payload": {"ticketId": "t-0001", "number": "T202603020001", ...}}
 * }</pre>
 *
 * {@code id} is the caller's (a notification's id, which stays the same on redelivery); {@code type} the event's
 * {@link DomainEvent#eventType()}; {@code ticketId} and {@code customerId} the ticket and customer the event names,
 * else {@code null}; {@code payload} the event's fields by name. docs/events/event-envelope.schema.json is its JSON
 * Schema. A new field may appear in a payload or the envelope within a version; a field changing meaning or going
 * away makes a new version.
 *
 * <p>Values are written so: ids as strings, times, dates and durations as ISO-8601 strings, enums by name, locales
 * as language tags, an empty optional or null as {@code null}, collections as arrays, maps and records as objects
 * (record components by name, in declaration order), numbers as JSON numbers, anything else by its
 * {@code toString()}. Strings escape quotes, backslashes, control characters, U+2028, U+2029 and lone surrogates.
 * Thread-safe: every call writes a new string.
 */
public final class EventJson {
    /** The envelope's version: {@code "version": 1}. */
    public static final int VERSION = 1;
    private static final int MAX_DEPTH = 16;

    private final StringBuilder out = new StringBuilder(512);

    private EventJson() {
    }

    /**
     * The envelope of {@code event} under {@code id}.
     *
     * @throws NullPointerException     when either is null
     * @throws IllegalArgumentException when the event nests deeper than 16 levels
     */
    public static String envelope(String id, DomainEvent event) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        var json = new EventJson();
        json.out.append('{');
        json.field("version").out.append(VERSION);
        json.comma().field("id").string(id);
        json.comma().field("type").string(event.eventType());
        json.comma().field("occurredAt").string(event.occurredAt().toString());
        json.comma().field("subjectId").string(event.subjectId());
        json.comma().field("ticketId").value(named(event, "ticketId"), 0);
        json.comma().field("customerId").value(named(event, "customerId"), 0);
        json.comma().field("actorId").value(event.actorId(), 0);
        json.comma().field("payload").value(event, 0);
        json.out.append('}');
        return json.out.toString();
    }

    /** The event's fields by name, as the envelope's {@code payload}. */
    public static String payload(DomainEvent event) {
        return value(Objects.requireNonNull(event, "event"));
    }

    /**
     * Any value as JSON, written as the class comment says: e.g. a plugin's own body,
     * {@code EventJson.value(Map.of("text", line))}.
     *
     * @throws IllegalArgumentException when the value nests deeper than 16 levels
     */
    public static String value(Object value) {
        var json = new EventJson();
        json.value(value, 0);
        return json.out.toString();
    }

    /** The value of the event's component {@code name} (e.g. {@code ticketId}), null when it has none. */
    private static Object named(DomainEvent event, String name) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return read(component, (Record) event);
            }
        }
        return null;
    }

    private EventJson value(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the value nests deeper than " + MAX_DEPTH + " levels");
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

    private EventJson field(String name) {
        string(name);
        out.append(':');
        return this;
    }

    private EventJson comma() {
        out.append(',');
        return this;
    }

    /** A JSON string: quotes, backslashes and control characters escaped, and lone surrogates too (as invalid UTF-16). */
    private EventJson string(String text) {
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
