package dev.rapport.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import dev.rapport.api.Identifier;
import dev.rapport.api.Money;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.EventJson;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/events/event-envelope.schema.json is the JSON Schema of {@link EventJson}'s envelope: it is the schema the
 * event records make (one payload definition per event type, every field required), and the envelope of a sample
 * of every event type, its optionals present or empty, validates against it.
 */
class EventSchemaTest {
    private static final Path SCHEMA = Path.of("events/event-envelope.schema.json");
    private static final ObjectMapper JACKSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void thePublishedSchemaIsTheOneTheEventRecordsMake() throws Exception {
        JsonNode made = schema();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/event-envelope.schema.json"), JACKSON.writeValueAsString(made) + "\n");

        assertThat(JACKSON.readTree(SCHEMA.toFile())).as("docs/%s; the schema the records make is in "
                + "docs/target/event-envelope.schema.json", SCHEMA).isEqualTo(made);
    }

    @Test
    void theEnvelopeOfEveryEventTypeValidatesAgainstThePublishedSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.byDefault().getJsonSchema(JACKSON.readTree(SCHEMA.toFile()));

        assertThat(eventTypes()).hasSizeGreaterThan(30);
        for (Class<?> type : eventTypes()) {
            for (boolean present : List.of(true, false)) {
                var event = (DomainEvent) sample(type, present);
                ProcessingReport report = schema.validate(JACKSON.readTree(EventJson.envelope("n-0001", event)));
                assertThat(report.isSuccess()).as(type.getSimpleName() + " (optionals present: " + present + "): "
                        + report).isTrue();
            }
        }
    }

    @Test
    void anEnvelopeMissingAPayloadFieldOrOfAnUnknownTypeIsRefused() throws Exception {
        JsonSchema schema = JsonSchemaFactory.byDefault().getJsonSchema(JACKSON.readTree(SCHEMA.toFile()));
        var envelope = (ObjectNode) JACKSON.readTree(EventJson.envelope("n-1", (DomainEvent) sample(
                dev.rapport.api.event.TicketCreated.class, true)));

        var withoutPriority = envelope.deepCopy();
        ((ObjectNode) withoutPriority.get("payload")).remove("priority");
        var unknownType = envelope.deepCopy();
        unknownType.put("type", "TicketVanished");

        assertThat(schema.validate(withoutPriority).isSuccess()).isFalse();
        assertThat(schema.validate(unknownType).isSuccess()).isFalse();
    }

    private static List<Class<?>> eventTypes() {
        return Arrays.stream(DomainEvent.class.getPermittedSubclasses())
                .sorted(java.util.Comparator.comparing(Class::getSimpleName)).toList();
    }

    /** The envelope's schema, one payload definition per event type. */
    static ObjectNode schema() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "http://json-schema.org/draft-04/schema#");
        root.put("title", "Rapport event envelope, version " + EventJson.VERSION);
        root.put("description", "What EventJson.envelope writes (sdk-api, dev.rapport.api.event.EventJson): one "
                + "domain event with the id it is delivered under. Generated from the event records by EventSchemaTest.");
        root.put("type", "object");
        ArrayNode required = root.putArray("required");
        List.of("version", "id", "type", "occurredAt", "subjectId", "ticketId", "customerId", "actorId", "payload")
                .forEach(required::add);
        ObjectNode properties = root.putObject("properties");
        properties.putObject("version").putArray("enum").add(EventJson.VERSION);
        properties.set("id", described(string(), "the delivery's id, the same on every redelivery"));
        ObjectNode type = properties.putObject("type");
        type.put("type", "string");
        ArrayNode names = type.putArray("enum");
        eventTypes().forEach(t -> names.add(t.getSimpleName()));
        properties.set("occurredAt", described(format("date-time"), "when the change was made, by the SDK's clock"));
        properties.set("subjectId", described(string(), "the aggregate that changed; events of one subject come in order"));
        properties.set("ticketId", described(nullable(string()), "the ticket the event names, else null"));
        properties.set("customerId", described(nullable(string()), "the customer the event names, else null"));
        properties.set("actorId", described(string(), "who made the change"));
        properties.set("payload", described(NODES.objectNode().put("type", "object"), "the event's fields by name"));
        ArrayNode oneOf = root.putArray("oneOf");
        ObjectNode definitions = root.putObject("definitions");
        for (Class<?> event : eventTypes()) {
            String name = event.getSimpleName();
            ObjectNode choice = oneOf.addObject();
            ObjectNode choiceProperties = choice.putObject("properties");
            choiceProperties.putObject("type").putArray("enum").add(name);
            choiceProperties.putObject("payload").put("$ref", "#/definitions/" + name);
            definitions.set(name, of(event));
        }
        return root;
    }

    private static ObjectNode of(Type type) {
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Type argument = generic.getActualTypeArguments()[0];
            if (raw == Optional.class) {
                return nullable(of(argument));
            }
            if (raw == List.class) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", of(argument));
                return array;
            }
            throw new AssertionError("no schema for " + type);
        }
        var c = (Class<?>) type;
        if (Identifier.class.isAssignableFrom(c) || c == String.class || c == Currency.class || c == Duration.class) {
            return string();
        }
        if (c == Instant.class) {
            return format("date-time");
        }
        if (c == LocalDate.class) {
            return format("date");
        }
        if (c.isEnum()) {
            ObjectNode constants = string();
            ArrayNode values = constants.putArray("enum");
            Arrays.stream(c.getEnumConstants()).forEach(v -> values.add(((Enum<?>) v).name()));
            return constants;
        }
        if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
            return NODES.objectNode().put("type", "integer");
        }
        if (c == boolean.class || c == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c == BigDecimal.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (c.isRecord()) {
            ObjectNode object = NODES.objectNode().put("type", "object");
            ArrayNode required = object.putArray("required");
            ObjectNode properties = object.putObject("properties");
            for (RecordComponent component : c.getRecordComponents()) {
                required.add(component.getName());
                properties.set(component.getName(), of(component.getGenericType()));
            }
            return object;
        }
        throw new AssertionError("no schema for " + type);
    }

    private static ObjectNode string() {
        return NODES.objectNode().put("type", "string");
    }

    private static ObjectNode format(String format) {
        return string().put("format", format);
    }

    private static ObjectNode nullable(ObjectNode schema) {
        String type = schema.get("type").asText();
        schema.putArray("type").add(type).add("null");
        if (schema.has("enum")) {
            ((ArrayNode) schema.get("enum")).addNull();
        }
        return schema;
    }

    private static ObjectNode described(ObjectNode schema, String description) {
        return schema.put("description", description);
    }

    /** A value of {@code type} that its record's checks accept; optionals present or empty. */
    private static Object sample(Type type, boolean present) throws Exception {
        if (type instanceof ParameterizedType generic) {
            Type argument = generic.getActualTypeArguments()[0];
            if (generic.getRawType() == Optional.class) {
                return present ? Optional.of(sample(argument, true)) : Optional.empty();
            }
            return List.of(sample(argument, present), sample(argument, present));
        }
        var c = (Class<?>) type;
        if (Identifier.class.isAssignableFrom(c)) {
            return c.getConstructor(String.class).newInstance(c.getSimpleName().toLowerCase() + "-李-\"1\"");
        }
        if (c == String.class) {
            return "text with \"quotes\", 中文 and a\nline break";
        }
        if (c == Instant.class) {
            return AT;
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2026, 3, 2);
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (c == int.class || c == long.class) {
            return c == int.class ? (Object) 3 : (Object) 3L;
        }
        if (c == boolean.class) {
            return true;
        }
        if (c == Money.class) {
            return Money.of("1200.50", "CNY");
        }
        if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = sample(components[i].getGenericType(), present);
            }
            Constructor<?> canonical = c.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(arguments);
        }
        throw new AssertionError("no sample of " + type);
    }
}
