package dev.rapport.api.error;

import java.util.Set;
import java.util.TreeSet;

/**
 * The content's media type is missing or not one of those allowed, or the content is not of the type it was sent as
 * (HTTP 415); nothing was stored.
 */
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

    /**
     * An attachment whose first bytes are not of the type it was sent as ({@code attachment.type.mismatch}).
     *
     * @param declared the type as sent
     * @param detected the type its bytes show
     */
    public static UnsupportedMediaTypeException mismatch(String declared, String detected) {
        return new UnsupportedMediaTypeException("attachment.type.mismatch", "The attachment was sent as "
                + declared.strip() + ", but its content is " + detected, Set.of());
    }

    /** The media types that would have been accepted; empty for a mismatch. */
    public Set<String> allowed() {
        return allowed;
    }
}
