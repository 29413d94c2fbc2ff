package dev.rapport.storage.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.rapport.api.Identifier;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Writes every typed id ({@code TicketId}, {@code UserId}, ...) as its plain string and reads it back through the
 * id's {@code (String)} constructor, so stored events read like the ids clients see.
 */
final class IdentifierModule extends SimpleModule {
    IdentifierModule() {
        super("rapport-identifiers");
        addSerializer(Identifier.class, new IdentifierSerializer());
        setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription description) {
                return Identifier.class.isAssignableFrom(type.getRawClass()) && !type.isInterface()
                        ? new IdentifierDeserializer(type.getRawClass()) : null;
            }
        });
    }

    private static final class IdentifierSerializer extends StdSerializer<Identifier> {
        private IdentifierSerializer() {
            super(Identifier.class);
        }

        @Override
        public void serialize(Identifier id, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(id.value());
        }
    }

    private static final class IdentifierDeserializer extends StdScalarDeserializer<Identifier> {
        private final Constructor<?> constructor;

        private IdentifierDeserializer(Class<?> type) {
            super(type);
            try {
                constructor = type.getConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getName() + " has no (String) constructor", e);
            }
        }

        @Override
        public Identifier deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = parser.getValueAsString();
            if (value == null) {
                return (Identifier) context.handleUnexpectedToken(handledType(), parser);
            }
            try {
                return (Identifier) constructor.newInstance(value);
            } catch (InvocationTargetException e) {
                throw context.instantiationException(handledType(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw context.instantiationException(handledType(), e);
            }
        }
    }
}
