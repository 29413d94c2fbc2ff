package dev.rapport.storage.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.api.audit.Change;
import dev.rapport.api.event.DomainEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The JSON kept in text columns: outbox events, audit changes and short lists of strings. Thread-safe. */
final class JsonCodec {
    /** Event classes by {@link #typeOf} name: the sealed interface lists them all. */
    private static final Map<String, Class<? extends DomainEvent>> EVENT_TYPES =
            Arrays.stream(DomainEvent.class.getPermittedSubclasses())
                    .map(type -> type.asSubclass(DomainEvent.class))
                    .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type));
    private static final TypeReference<LinkedHashMap<String, Change>> CHANGES = new TypeReference<>() {
    };

    // Stored events outlive the code that wrote them: a field an older event has and the current record lacks
    // is skipped rather than making the whole outbox unreadable.
    // Its buffers shared rather than kept per thread: the SDK is called on virtual threads (a server's requests),
    // where a per-thread buffer is allocated afresh for every value read or written.
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build())
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(new IdentifierModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The permanent name of the event's kind, which names its class on the way back. */
    static String typeOf(DomainEvent event) {
        return event.eventType();
    }

    String event(DomainEvent event) {
        return write(event);
    }

    /**
     * The event of kind {@code type} (a {@link #typeOf} name) written as {@code json}.
     *
     * @throws IllegalStateException when {@code type} is not a known event or {@code json} does not fit it
     */
    DomainEvent event(String type, String json) {
        var eventClass = EVENT_TYPES.get(type);
        if (eventClass == null) {
            throw new IllegalStateException("Unknown event type " + type + "; known: " + EVENT_TYPES.keySet());
        }
        try {
            return mapper.readValue(json, eventClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type + " event is unreadable", e);
        }
    }

    /** Keeps the order of {@code changes}. */
    String changes(Map<String, Change> changes) {
        return write(changes);
    }

    /** The changes in the order they were written. */
    Map<String, Change> changes(String json) {
        return read(json, CHANGES);
    }

    String strings(List<String> values) {
        return write(values);
    }

    List<String> strings(String json) {
        if (json.equals("[]")) {
            return List.of(); // most tickets' lists: no parser needed
        }
        // Token by token: read for every ticket and customer row, where binding through a reader cost more than
        // reading the few strings.
        try (var parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw unreadableStrings(null);
            }
            var values = new ArrayList<String>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                values.add(parser.getText());
            }
            if (token != JsonToken.END_ARRAY || parser.nextToken() != null) {
                throw unreadableStrings(null);
            }
            return List.copyOf(values);
        } catch (IOException e) {
            throw unreadableStrings(e);
        }
    }

    private static IllegalStateException unreadableStrings(IOException cause) {
        return new IllegalStateException("Stored JSON is not a list of strings", cause);
    }

    /** A value object (a record of JDK types) as JSON. */
    String value(Object value) {
        return write(value);
    }

    <T> T value(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable: " + type.getType(), e);
        }
    }
}
