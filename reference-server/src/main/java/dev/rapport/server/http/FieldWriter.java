package dev.rapport.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import dev.rapport.api.Identifier;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A record of the API written field by field, exactly as Jackson's record mapping writes it (same names, same order,
 * an empty optional as null), for the records the API sends most. Through the mapping, a list of tickets spent about
 * half of its CPU time finding and calling the serializers of each value (profiled with JFR); a writer puts the
 * values straight to the generator. Each writer's test holds it to Jackson's output, byte for byte.
 *
 * @param <T> the record
 * @param <N> its own fields, in the order of its components, named as in JSON
 */
abstract class FieldWriter<T, N extends Enum<N>> extends StdSerializer<T> {
    /** The record's own field names, renamed as an enclosing {@code @JsonUnwrapped} asks (a prefix, say). */
    private final SerializableString[] names;
    private final boolean unwrapped;

    FieldWriter(Class<T> type, N[] fields, NameTransformer rename, boolean unwrapped) {
        super(type);
        this.names = new SerializableString[fields.length];
        for (var field : fields) {
            names[field.ordinal()] = new SerializedString(rename.transform(field.name()));
        }
        this.unwrapped = unwrapped;
    }

    /** The same writer for a record inside another's JSON, its fields renamed by {@code rename}. */
    abstract FieldWriter<T, N> unwrapped(NameTransformer rename);

    /** Writes the record's fields, between the braces this writes unless unwrapped. */
    abstract void fields(T value, JsonGenerator gen) throws IOException;

    @Override
    public final JsonSerializer<T> unwrappingSerializer(NameTransformer rename) {
        return unwrapped(rename);
    }

    @Override
    public final boolean isUnwrappingSerializer() {
        return unwrapped;
    }

    @Override
    public final void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (unwrapped) {
            fields(value, gen);
        } else {
            gen.writeStartObject(value);
            fields(value, gen);
            gen.writeEndObject();
        }
    }

    final JsonGenerator field(JsonGenerator gen, N name) throws IOException {
        gen.writeFieldName(names[name.ordinal()]);
        return gen;
    }

    final void text(JsonGenerator gen, N name, String value) throws IOException {
        text(field(gen, name), value);
    }

    final void id(JsonGenerator gen, N name, Identifier value) throws IOException {
        text(gen, name, value == null ? null : value.value());
    }

    final void constant(JsonGenerator gen, N name, SerializableString[] names, Enum<?> value) throws IOException {
        field(gen, name);
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(names[value.ordinal()]);
        }
    }

    final void texts(JsonGenerator gen, N name, List<String> values) throws IOException {
        field(gen, name).writeStartArray();
        for (var value : values) {
            gen.writeString(value);
        }
        gen.writeEndArray();
    }

    static void text(JsonGenerator gen, String value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(value);
        }
    }

    /** Enum constants as Jackson writes them, by name, encoded once: {@code names[constant.ordinal()]}. */
    static SerializableString[] encoded(Enum<?>[] constants) {
        var names = new SerializableString[constants.length];
        for (var constant : constants) {
            names[constant.ordinal()] = new SerializedString(constant.name());
        }
        return names;
    }

    static void constants(JsonGenerator gen, SerializableString[] names, Collection<? extends Enum<?>> values)
            throws IOException {
        gen.writeStartArray();
        for (var value : values) {
            gen.writeString(names[value.ordinal()]);
        }
        gen.writeEndArray();
    }

    /** {@code at}, already formatted into {@code text} by {@link IsoInstant#write} (which returned {@code length}). */
    static void formatted(JsonGenerator gen, Instant at, char[] text, int length) throws IOException {
        if (length < 0) {
            gen.writeString(at.toString());
        } else {
            gen.writeString(text, 0, length);
        }
    }

    /** The instant, or null, as {@link Json}'s serializer of instants writes it; {@code text} is scratch space. */
    static void instant(JsonGenerator gen, Instant at, char[] text) throws IOException {
        if (at == null) {
            gen.writeNull();
            return;
        }
        formatted(gen, at, text, IsoInstant.write(at, text));
    }
}
