package dev.rapport.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.rapport.api.Identifier;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.security.Permission;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketSla;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON shape of API.md: camelCase record components, ISO-8601 instants and dates, typed ids as plain strings,
 * empty optionals as null.
 */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        return mapper(true);
    }

    /** Every record through Jackson's record mapping, none through a {@link FieldWriter}: what those are held to. */
    static ObjectMapper recordMapper() {
        return mapper(false);
    }

    private static ObjectMapper mapper(boolean fieldWriters) {
        var ids = new SimpleModule("rapport-ids");
        ids.addSerializer(Identifier.class, new JsonSerializer<>() {
            @Override
            public void serialize(Identifier id, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(id.value());
            }
        });
        // A language as the BCP 47 tag clients send ("zh-CN"), not Java's "zh_CN".
        ids.addSerializer(Locale.class, new JsonSerializer<>() {
            @Override
            public void serialize(Locale locale, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(locale.toLanguageTag());
            }
        });
        ids.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant at, JsonGenerator gen, SerializerProvider provider) throws IOException {
                FieldWriter.instant(gen, at, new char[IsoInstant.MAX_LENGTH]);
            }
        });
        // A permission as the API names it everywhere ("ticket.read.all"), not as the enum constant.
        ids.addSerializer(Permission.class, new JsonSerializer<>() {
            @Override
            public void serialize(Permission permission, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(permission.key());
            }
        });
        if (fieldWriters) {
            ids.addSerializer(Ticket.class, new TicketWriter());
            ids.addSerializer(Customer.class, new CustomerWriter());
        }
        ids.setMixInAnnotation(TicketSla.class, TicketSlaJson.class);
        ids.setMixInAnnotation(Improvement.class, ImprovementJson.class);
        // Buffers shared by whoever reads or writes next, not kept per thread (Jackson's default): each request runs
        // on a virtual thread of its own, so a per-thread buffer was allocated afresh for every body read or written,
        // 40 % of all the bytes a ticket list allocated (JFR).
        var factory = JsonFactory.builder().streamReadConstraints(JsonLimits.constraints())
                .recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
        return new ObjectMapper(factory)
                // {"a":1} trailing garbage and {"a":1,"a":2} are malformed, not almost right.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .registerModule(ids)
                .registerModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }

    /**
     * API.md's {@code sla:{firstResponseDue, resolutionDue, nextUpdateDue, paused, breached[]}}, which the record
     * derives from its per-target deadlines; those come along as {@code deadlines}.
     */
    private abstract static class TicketSlaJson {
        @JsonProperty("firstResponseDue")
        abstract Instant firstResponseDue();

        @JsonProperty("resolutionDue")
        abstract Instant resolutionDue();

        @JsonProperty("nextUpdateDue")
        abstract Instant nextUpdateDue();

        @JsonProperty("paused")
        abstract boolean paused();
    }

    /** An improvement with the average of its verification scores, which the record derives. */
    private abstract static class ImprovementJson {
        @JsonProperty("averageScore")
        abstract Optional<BigDecimal> averageScore();
    }
}
