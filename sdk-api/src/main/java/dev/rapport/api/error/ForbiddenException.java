package dev.rapport.api.error;

/** The actor is known but lacks the permission or the relation to the thing the operation needs. */
public final class ForbiddenException extends RapportException {
    private ForbiddenException(String code, String message) {
        super(code, message);
    }

    /** The actor lacks the permission with this key, e.g. {@code ticket.assign}. */
    public static ForbiddenException missing(String permissionKey) {
        return new ForbiddenException("permission.missing", "This needs the permission " + permissionKey);
    }

    /** Any other refusal, with its stable code. */
    public static ForbiddenException of(String code, String message) {
        return new ForbiddenException(code, message);
    }
}
