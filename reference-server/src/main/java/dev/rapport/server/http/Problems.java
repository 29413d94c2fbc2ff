package dev.rapport.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.DuplicateException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.PayloadTooLargeException;
import dev.rapport.api.error.RapportException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.error.UnsupportedMediaTypeException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.server.RouteCatalog;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every failure as RFC 9457 problem+json: one exhaustive mapping from the SDK's refusals to HTTP statuses. */
public final class Problems {
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());
    private static final String TYPE_BASE = "https://rapport.dev/problems/";

    private final ObjectMapper mapper;
    private final RouteCatalog routes;

    /** @param routes the API's routes, to tell a path served with other methods (405) from an unknown one (404) */
    public Problems(ObjectMapper mapper, RouteCatalog routes) {
        this.mapper = mapper;
        this.routes = routes;
    }

    /** Registers the handlers on the routing. */
    public void register(HttpRouting.Builder routing) {
        routing.error(RapportException.class, (req, res, e) -> send(req, res, e))
                .error(BadRequestException.class, (req, res, e) -> send(res, 400, "request.malformed", "Bad request", e.getMessage(), List.of()))
                // Helidon's own refusals inside routing (a malformed header, an unreadable entity): the client's
                // fault, answered as such and not logged; only a 5xx among them is worth a line.
                .error(HttpException.class, (req, res, e) -> {
                    int status = e.status().code();
                    if (status >= 500) {
                        RequestIds.logging(res, () -> LOG.log(Level.WARNING, "Web server refusal " + status + " on "
                                + route(req)));
                    }
                    send(res, status, ConnectionProblems.code(status), e.status().reasonPhrase(),
                            ConnectionProblems.detail(status), List.of());
                })
                .error(Exception.class, (req, res, e) -> {
                    String incident = UUID.randomUUID().toString();
                    // The route template only: a query string may carry personal data (a phone number searched for),
                    // a path a secret (the survey token of POST /api/v1/public/surveys/{token}).
                    RequestIds.logging(res, () -> LOG.log(Level.ERROR, "Unexpected failure, incident " + incident
                            + " on " + route(req), e));
                    send(res, 500, "internal", "Internal error",
                            "Something went wrong on our side; quote incident " + incident, List.of());
                });
    }

    /**
     * For requests no route serves, in the same problem shape as every other failure: 405 with {@code Allow} when
     * the path is served with other methods, else 404.
     */
    public void notFound(ServerRequest req, ServerResponse res) {
        var methods = routes.methodsOf(req.path().path());
        if (!methods.isEmpty()) {
            res.header(HeaderNames.ALLOW, String.join(", ", methods));
            send(res, 405, "request.method-not-allowed", "Method Not Allowed", req.prologue().method().text()
                    + " is not served here; this path takes " + String.join(", ", methods), List.of());
            return;
        }
        send(res, 404, "route.not-found", "Not Found",
                "No endpoint " + req.prologue().method().text() + " " + req.path().path(), List.of());
    }

    /** The request as a log line may name it: method and route template, e.g. {@code POST /api/v1/public/surveys/{token}}. */
    private String route(ServerRequest req) {
        // The absolute path: inside a service, path() is relative to where the service is registered.
        return routes.templateOf(req.prologue().method().text(), req.path().absolute().path());
    }

    public void send(ServerRequest req, ServerResponse res, RapportException e) {
        int status = switch (e) {
            case ValidationException v -> 422;
            case NotFoundException n -> 404;
            case ConflictException c -> 409;
            case DuplicateException d -> 409;
            case ForbiddenException f -> 403;
            case UnauthorizedException u -> 401;
            case RateLimitedException r -> 429;
            case PayloadTooLargeException p -> 413;
            case UnsupportedMediaTypeException u -> 415;
            case GoneException g -> 410;
        };
        if ((e instanceof PayloadTooLargeException || e instanceof UnsupportedMediaTypeException)
                && RefusedBody.leftUnread(req)) {
            // The connection cannot carry another request while the rest of this body is in it.
            res.header(HeaderNames.CONNECTION, "close");
        }
        if (e instanceof UnauthorizedException) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        if (e instanceof RateLimitedException limited) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
        }
        List<FieldError> errors = e instanceof ValidationException v ? v.errors() : List.of();
        Map<String, Object> body = body(status, e.code(), Status.create(status).reasonPhrase(), e.getMessage(), errors);
        if (e instanceof DuplicateException duplicate) {
            // API.md's extension member: what the new one looks like, never with a phone or an e-mail.
            body.put("candidates", duplicate.candidates());
        }
        send(res, status, body);
    }

    private void send(ServerResponse res, int status, String code, String title, String detail, List<FieldError> errors) {
        send(res, status, body(status, code, title, detail, errors));
    }

    /**
     * The problem body of API.md: {@code type, title, status, detail, code, errors}; {@link #send} adds the request's
     * {@code requestId}.
     */
    static Map<String, Object> body(int status, String code, String title, String detail,
                                            List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        body.put("errors", errors);
        return body;
    }

    private void send(ServerResponse res, int status, Map<String, Object> body) {
        RequestIds.of(res).ifPresent(id -> body.put("requestId", id));
        try {
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/problem+json")
                    .send(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body is always serialisable", e);
        }
    }
}
