package dev.rapport.api.error;

/** The thing named by an id does not exist, or the caller may not know that it does. */
public final class NotFoundException extends RapportException {
    private NotFoundException(String code, String message) {
        super(code, message);
    }

    /** {@code kind} is the lower-case domain noun, e.g. {@code ticket}. */
    public static NotFoundException of(String kind, String id) {
        return new NotFoundException(kind + ".not-found", "No " + kind + " with id " + id);
    }
}
