package dev.rapport.server.http;

/** The request is not well-formed HTTP/JSON for the endpoint (400), before any domain rule is asked. */
public final class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
