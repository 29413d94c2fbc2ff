package dev.rapport.server.http;

/** The request body is over the configured limit (413); the rest of it was not read. */
public final class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes", null, false, false);
    }
}
