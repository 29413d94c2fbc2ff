package dev.rapport.api.error;

import java.util.Set;
import java.util.TreeSet;

/** The content's media type is missing or not one of those allowed (HTTP 415); nothing was stored. */
public final class UnsupportedMediaTypeException extends RapportException {
    private final Set<String> allowed;

    private UnsupportedMediaTypeException(String code, String message, Set<String> allowed) {
        super(code, message);
        this.allowed = Set.copyOf(allowed);
    }

    /**
     * An attachment of a type that is not allowed ({@code attachment.type.unsupported}).
     *
     * @param given   the type as sent, or null when none was
     * @param allowed the types that are
     */
    public static UnsupportedMediaTypeException attachment(String given, Set<String> allowed) {
        String what = given == null || given.isBlank() ? "An attachment needs a content type"
                : "Attachments of type " + given.strip() + " are not allowed";
        return new UnsupportedMediaTypeException("attachment.type.unsupported",
                what + "; allowed: " + String.join(", ", new TreeSet<>(allowed)), allowed);
    }

    /**
     * A request body of a type the endpoint does not take ({@code body.type.unsupported}).
     *
     * @param given   the type as sent, or null when none was
     * @param allowed the types that are
     */
    public static UnsupportedMediaTypeException body(String given, Set<String> allowed) {
        String what = given == null || given.isBlank() ? "The body needs a content type"
                : "A body of type " + given.strip() + " is not taken here";
        return new UnsupportedMediaTypeException("body.type.unsupported",
                what + "; allowed: " + String.join(", ", new TreeSet<>(allowed)), allowed);
    }

    /** The media types that would have been accepted. */
    public Set<String> allowed() {
        return allowed;
    }
}
