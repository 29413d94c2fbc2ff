package dev.rapport.api.error;

/** What was sent is larger than allowed (HTTP 413); nothing was stored, and the rest of it was not read. */
public final class PayloadTooLargeException extends RapportException {
    private final long limit;

    private PayloadTooLargeException(String code, String message, long limit) {
        super(code, message);
        this.limit = limit;
    }

    /** An attachment over the configured size limit ({@code attachment.too-large}). */
    public static PayloadTooLargeException attachment(long limit) {
        return new PayloadTooLargeException("attachment.too-large",
                "The attachment is larger than the limit of " + limit + " bytes", limit);
    }

    /** Any other body over a limit of {@code limit} bytes, with its stable code. */
    public static PayloadTooLargeException of(String code, String message, long limit) {
        return new PayloadTooLargeException(code, message, limit);
    }

    /** The most bytes allowed. */
    public long limit() {
        return limit;
    }
}
