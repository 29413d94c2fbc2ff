package dev.rapport.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.api.StorableText;
import dev.rapport.api.TimeLimits;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.PayloadTooLargeException;
import dev.rapport.api.error.ValidationException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A JSON object from a request body, read under a size limit, with typed getters that record a field error
 * (instead of throwing) for a value of the wrong type, so that one 422 can name every bad field.
 */
public final class JsonBody {
    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonBody(ObjectNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * @throws PayloadTooLargeException when the declared or actual length exceeds {@code limit}; the rest
     *                                  is swallowed as {@link RefusedBody} says, never parsed
     * @throws BadRequestException      when the body is missing, not JSON, not an object, or beyond a limit of the
     *                                  parser ({@link JsonLimits})
     */
    public static JsonBody read(ServerRequest request, ObjectMapper mapper, long limit,
                                UnaryOperator<InputStream> bodyReads) {
        if (!request.content().hasEntity()) {
            throw new BadRequestException("A JSON object is required as the request body");
        }
        byte[] bytes = bytes(request, limit, bodyReads);
        try {
            JsonNode parsed = mapper.readTree(bytes);
            if (!(parsed instanceof ObjectNode object)) {
                throw new BadRequestException("The request body must be a JSON object");
            }
            return new JsonBody(object, "", new ArrayList<>());
        } catch (StreamConstraintsException e) {
            throw new BadRequestException(JsonLimits.describe(e));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadRequestException(at == null ? "Malformed JSON"
                    : "Malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (IOException e) {
            throw new BadRequestException("The request body could not be read");
        }
    }

    /**
     * The whole request body, for a reader that needs it raw (a signature covers its bytes); empty without one.
     *
     * @throws PayloadTooLargeException when the declared or actual length exceeds {@code limit}; the rest is
     *                                  swallowed as {@link RefusedBody} says
     */
    public static byte[] bytes(ServerRequest request, long limit, UnaryOperator<InputStream> bodyReads) {
        var declared = request.headers().first(HeaderNames.CONTENT_LENGTH);
        if (declared.isPresent() && parseLength(declared.get()) > limit) {
            RefusedBody.swallow(request);
            throw tooLarge(limit);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = bodyReads.apply(request.content().inputStream())) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                RefusedBody.swallow(in);
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new BadRequestException("The request body could not be read");
        }
    }

    private static PayloadTooLargeException tooLarge(long limit) {
        return PayloadTooLargeException.of("request.too-large", "The request body is larger than " + limit + " bytes",
                limit);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Content-Length is not a number");
        }
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /**
     * The text, or null when absent or null. Text no storage could keep ({@link StorableText}: NUL, an unpaired
     * surrogate) is a field error, and null; every other reader of text goes through here.
     */
    public String text(String field) {
        return storable(field, value(field, "must be a string", JsonNode::isTextual, JsonNode::asText));
    }

    private String storable(String field, String text) {
        var problem = StorableText.check(prefix + field, text);
        problem.ifPresent(errors::add);
        return problem.isPresent() ? null : text;
    }

    public Optional<String> optionalText(String field) {
        return Optional.ofNullable(text(field));
    }

    public Boolean bool(String field) {
        return value(field, "must be true or false", JsonNode::isBoolean, JsonNode::asBoolean);
    }

    public Optional<Boolean> optionalBool(String field) {
        return Optional.ofNullable(bool(field));
    }

    /** A whole number that fits an {@code int}, or null when absent or null. */
    public Integer integer(String field) {
        return value(field, "must be a whole number", v -> v.isIntegralNumber() && v.canConvertToInt(),
                JsonNode::asInt);
    }

    /** The {@code version} every update carries; a missing one is a field error. */
    public long version() {
        Long version = value("version", "must be a whole number", JsonNode::isIntegralNumber, JsonNode::asLong);
        if (version == null && !hasError("version")) {
            error("version", "is required: send the version you read");
        }
        return version == null ? -1 : version;
    }

    /** A decimal given as a JSON number or a numeric string (strings keep every digit exactly). */
    public BigDecimal decimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isTextual()) {
                return new BigDecimal(value.asText().strip());
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        error(field, "must be a decimal number such as 1200.50");
        return null;
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            error(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    public <E extends Enum<E>> Optional<E> optionalEnum(String field, Class<E> type) {
        return Optional.ofNullable(enumValue(field, type));
    }

    /** A date YYYY-MM-DD within {@link TimeLimits}; null (and a field error) otherwise. */
    public LocalDate date(String field) {
        return within(field, parsed(field, LocalDate::parse, "must be a date YYYY-MM-DD"), TimeLimits::check);
    }

    /** An ISO-8601 instant within {@link TimeLimits}; null (and a field error) otherwise. */
    public Instant instant(String field) {
        return within(field, parsed(field, Instant::parse, "must be an ISO-8601 instant such as 2026-11-22T09:30:00Z"),
                TimeLimits::check);
    }

    /** An ISO-8601 duration within {@link TimeLimits}; null (and a field error) otherwise. */
    public Duration duration(String field) {
        return within(field, parsed(field, Duration::parse, "must be an ISO-8601 duration such as PT30M or P2D"),
                TimeLimits::check);
    }

    public LocalTime time(String field) {
        return parsed(field, LocalTime::parse, "must be a time of day HH:MM");
    }

    public ZoneId zone(String field) {
        return parsed(field, ZoneId::of, "must be a time zone such as Asia/Shanghai");
    }

    /** A nested object, read with field names prefixed {@code field.}; null when absent. */
    public JsonBody object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value instanceof ObjectNode object) {
            return new JsonBody(object, prefix + field + ".", errors);
        }
        error(field, "must be an object");
        return null;
    }

    /** The names of this object's fields, in document order. */
    public List<String> fieldNames() {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A list of strings; null when absent. */
    public List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            error(field, "must be an array of strings");
            return null;
        }
        var texts = new ArrayList<String>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                String text = storable(field + "[" + i + "]", value.get(i).asText());
                if (text != null) {
                    texts.add(text);
                }
            } else {
                error(field + "[" + i + "]", "must be a string");
            }
        }
        return texts;
    }

    /** A list of objects, each read with field names prefixed {@code field[i].}; null when absent. */
    public List<JsonBody> objects(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            error(field, "must be an array of objects");
            return null;
        }
        var objects = new ArrayList<JsonBody>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) instanceof ObjectNode object) {
                objects.add(new JsonBody(object, prefix + field + "[" + i + "].", errors));
            } else {
                error(field + "[" + i + "]", "must be an object");
            }
        }
        return objects;
    }

    /** Records "is required" for a field that gave no value, unless reading it already failed. */
    public <T> T required(String field, T value) {
        if (value == null && !hasError(field)) {
            error(field, "is required");
        }
        return value;
    }

    /** Records an error for a field of this object. */
    public void error(String field, String message) {
        errors.add(FieldError.of(prefix + field, message));
    }

    /**
     * Throws a 422 naming every field this body failed to read, together with the domain's own errors for the
     * command (asked only when there are reading errors: the command itself then reports its own).
     */
    public void requireValid(Supplier<List<FieldError>> domainErrors) {
        if (errors.isEmpty()) {
            return;
        }
        var all = new ArrayList<>(errors);
        domainErrors.get().stream().filter(e -> !hasError(e.field())).forEach(all::add);
        throw new ValidationException(all);
    }

    public void requireValid() {
        requireValid(List::of);
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(prefix + field) || e.field().equals(field));
    }

    private <T> T value(String field, String expected, java.util.function.Predicate<JsonNode> accepts,
                        Function<JsonNode, T> read) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!accepts.test(value)) {
            error(field, expected);
            return null;
        }
        return read.apply(value);
    }

    private <T> T within(String field, T value, BiFunction<String, T, Optional<FieldError>> check) {
        var problem = check.apply(prefix + field, value);
        problem.ifPresent(errors::add);
        return problem.isPresent() ? null : value;
    }

    private <T> T parsed(String field, Function<String, T> parse, String expected) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (DateTimeException e) {
            error(field, expected);
            return null;
        }
    }
}
