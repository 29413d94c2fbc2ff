package dev.rapport.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.Page;
import dev.rapport.api.StorableText;
import dev.rapport.api.TimeLimits;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Authentication;
import dev.rapport.api.error.UnauthorizedException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** What every route needs: the caller, the JSON body, paging parameters, and JSON responses. */
public final class Exchange {
    private final ObjectMapper mapper;
    private final Authentication authentication;
    private final long maxJsonBytes;
    private final UnaryOperator<InputStream> bodyReads;

    /** @param bodyReads wraps a request body's stream, e.g. to time its reads ({@link ClientPatience#body}) */
    public Exchange(ObjectMapper mapper, Authentication authentication, long maxJsonBytes,
                    UnaryOperator<InputStream> bodyReads) {
        this.mapper = mapper;
        this.authentication = authentication;
        this.maxJsonBytes = maxJsonBytes;
        this.bodyReads = bodyReads;
    }

    /**
     * The actor behind the request's bearer token, authenticated once per request (the permission check before the
     * route keeps it in the request's context). @throws UnauthorizedException without a valid one
     */
    public Actor actor(ServerRequest req) {
        var known = req.context().get(Actor.class);
        if (known.isPresent()) {
            return known.get();
        }
        var actor = authentication.authenticate(bearer(req).orElseThrow(UnauthorizedException::badToken));
        req.context().register(actor);
        return actor;
    }

    public Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }

    public JsonBody body(ServerRequest req) {
        return JsonBody.read(req, mapper, maxJsonBytes, bodyReads);
    }

    /** The raw request body, under the JSON size limit. */
    public byte[] rawBody(ServerRequest req) {
        return JsonBody.bytes(req, maxJsonBytes, bodyReads);
    }

    /** The request body as a stream, to be read as it arrives (an upload). */
    public InputStream bodyStream(ServerRequest req) {
        return bodyReads.apply(req.content().inputStream());
    }

    /**
     * A path parameter, such as an id: never blank, and storable text ({@link StorableText}).
     *
     * @throws ValidationException naming the parameter otherwise
     */
    public String param(ServerRequest req, String name) {
        String value = req.path().pathParameters().get(name);
        if (value.isBlank()) {
            throw new ValidationException(FieldError.of(name, "must not be blank"));
        }
        return storable(name, value);
    }

    /**
     * A query parameter, stripped; empty when absent or blank.
     *
     * @throws ValidationException naming the parameter when it is not storable text ({@link StorableText})
     */
    public Optional<String> query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(v -> storable(name, v)).map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    /** A query parameter that is a date YYYY-MM-DD within {@link TimeLimits}. @throws ValidationException otherwise */
    public Optional<LocalDate> queryDate(ServerRequest req, String name) {
        return query(req, name).map(v -> within(name, parsed(name, v, LocalDate::parse, "a date such as 2026-11-01"),
                TimeLimits::check));
    }

    /** A query parameter that is an ISO-8601 instant within {@link TimeLimits}. @throws ValidationException otherwise */
    public Optional<Instant> queryInstant(ServerRequest req, String name) {
        return query(req, name).map(v -> within(name, parsed(name, v, Instant::parse,
                "an ISO-8601 instant such as 2026-11-22T09:30:00Z"), TimeLimits::check));
    }

    /** A query parameter that is a month YYYY-MM within {@link TimeLimits}. @throws ValidationException otherwise */
    public Optional<YearMonth> queryMonth(ServerRequest req, String name) {
        return query(req, name).map(v -> within(name, parsed(name, v, YearMonth::parse, "a month such as 2026-11"),
                TimeLimits::check));
    }

    private static String storable(String name, String value) {
        StorableText.check(name, value).ifPresent(error -> {
            throw new ValidationException(error);
        });
        return value;
    }

    private static <T> T parsed(String name, String value, Function<String, T> parse, String expected) {
        try {
            return parse.apply(value);
        } catch (DateTimeException e) {
            throw new ValidationException(FieldError.of(name, "must be " + expected));
        }
    }

    private static <T> T within(String name, T value, BiFunction<String, T, Optional<FieldError>> check) {
        check.apply(name, value).ifPresent(error -> {
            throw new ValidationException(error);
        });
        return value;
    }

    /** {@code ?limit=} (default 50, at most 200) and {@code ?cursor=}. */
    public PageRequest page(ServerRequest req) {
        int limit = query(req, "limit").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ValidationException(FieldError.of("limit", "must be a whole number"));
            }
        }).orElse(PageRequest.DEFAULT_LIMIT);
        return new PageRequest(limit, query(req, "cursor"));
    }

    public void ok(ServerResponse res, Object body) {
        send(res, 200, body);
    }

    public void created(ServerResponse res, Object body) {
        send(res, 201, body);
    }

    /** A list as API.md shapes it: {@code {items, nextCursor}}. */
    public void page(ServerResponse res, Page<?> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.nextCursor().orElse(null));
        send(res, 200, body);
    }

    public void send(ServerResponse res, int status, Object body) {
        try {
            res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable: " + body.getClass(), e);
        }
    }
}
