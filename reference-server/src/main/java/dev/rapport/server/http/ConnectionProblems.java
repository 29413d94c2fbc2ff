package dev.rapport.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

import java.util.List;

/**
 * The answers of the web server's connection layer, given before any route sees the request (a request line or
 * headers too long or malformed, an unsupported HTTP version), in the same problem+json shape as {@link Problems}.
 * The detail is worded here, never taken from the request: such a request may carry anything, and nothing of it is
 * echoed or logged.
 */
public final class ConnectionProblems implements DirectHandler {
    /** RFC 6585's status, which Helidon has no constant for. */
    private static final Status HEADERS_TOO_LARGE = Status.create(431, "Request Header Fields Too Large");
    private final ObjectMapper mapper;

    private ConnectionProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One handler for every kind of connection-level event. */
    public static DirectHandlers handlers(ObjectMapper mapper) {
        var handler = new ConnectionProblems(mapper);
        var handlers = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        Status answered = headersTooLarge(defaultStatus, message) ? HEADERS_TOO_LARGE : defaultStatus;
        int status = answered.code();
        var body = Problems.body(status, code(status), answered.reasonPhrase(), detail(status), List.of());
        // A request refused before routing has no id yet, and its headers cannot be trusted: it gets a new one.
        String requestId = RequestIds.generate();
        body.put("requestId", requestId);
        try {
            return TransportResponse.builder()
                    .status(answered)
                    .headers(responseHeaders)
                    .header(RequestIds.HEADER, requestId)
                    .header(HeaderNames.CONTENT_TYPE, "application/problem+json")
                    .entity(mapper.writeValueAsBytes(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body is always serialisable", e);
        }
    }

    /**
     * Helidon refuses headers beyond its limit as a malformed request; RFC 6585 (and API.md) has 431 for it. Its
     * parser's own message is the only sign of the cause.
     */
    private static boolean headersTooLarge(Status status, String message) {
        return status.code() == 400 && message != null && message.contains("Header size exceeded");
    }

    /** The stable code of a status the web server answers by itself. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "request.malformed";
            case 404 -> "route.not-found";
            case 405 -> "request.method-not-allowed";
            case 413 -> "request.too-large";
            case 414 -> "request.uri-too-long";
            case 415 -> "request.unsupported-media-type";
            case 431 -> "request.headers-too-large";
            case 505 -> "request.http-version";
            default -> status >= 500 ? "internal" : "request.refused";
        };
    }

    /** What a client is told, by status. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is not well-formed HTTP: its request line, a header or its framing is malformed";
            case 413 -> "The request is larger than this server accepts";
            case 414 -> "The request line (method, path and query) is longer than this server accepts";
            case 431 -> "The request's headers are larger than this server accepts";
            case 505 -> "This server speaks HTTP/1.1";
            default -> status >= 500 ? "Something went wrong on our side" : "The request was refused";
        };
    }
}
