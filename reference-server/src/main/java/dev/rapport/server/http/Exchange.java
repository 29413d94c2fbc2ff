package dev.rapport.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Authentication;
import dev.rapport.api.error.UnauthorizedException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What every route needs: the caller, the JSON body, paging parameters, and JSON responses. */
public final class Exchange {
    private final ObjectMapper mapper;
    private final Authentication authentication;
    private final long maxJsonBytes;

    public Exchange(ObjectMapper mapper, Authentication authentication, long maxJsonBytes) {
        this.mapper = mapper;
        this.authentication = authentication;
        this.maxJsonBytes = maxJsonBytes;
    }

    /** The actor behind the request's bearer token. @throws UnauthorizedException without a valid one */
    public Actor actor(ServerRequest req) {
        return authentication.authenticate(bearer(req).orElseThrow(UnauthorizedException::badToken));
    }

    public Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }

    public JsonBody body(ServerRequest req) {
        return JsonBody.read(req, mapper, maxJsonBytes);
    }

    /** The raw request body, under the JSON size limit. */
    public byte[] rawBody(ServerRequest req) {
        return JsonBody.bytes(req, maxJsonBytes);
    }

    public String param(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }

    public Optional<String> query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(String::strip).filter(v -> !v.isEmpty());
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
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable: " + body.getClass(), e);
        }
    }
}
