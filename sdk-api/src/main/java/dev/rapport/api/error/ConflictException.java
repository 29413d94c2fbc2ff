package dev.rapport.api.error;

/** The operation does not fit the current state: an illegal transition, a stale version, a duplicate. */
public final class ConflictException extends RapportException {
    private ConflictException(String code, String message) {
        super(code, message);
    }

    /** A state machine refused to move from {@code from} to {@code to}. */
    public static ConflictException illegalTransition(String kind, Enum<?> from, Enum<?> to) {
        return new ConflictException(kind + ".transition.illegal",
                "A " + kind + " cannot go from " + from + " to " + to);
    }

    /** The caller read version {@code expected}, but the stored one is {@code actual}. */
    public static ConflictException staleVersion(String kind, String id, long expected, long actual) {
        return new ConflictException(kind + ".version.stale",
                "The " + kind + " " + id + " is at version " + actual + ", not " + expected + "; reload it and retry");
    }

    /** A value that must be unique is taken, e.g. an employee id. */
    public static ConflictException duplicate(String kind, String what) {
        return new ConflictException(kind + ".duplicate", "A " + kind + " with " + what + " already exists");
    }

    /** Any other rule of the current state, with its stable code. */
    public static ConflictException of(String code, String message) {
        return new ConflictException(code, message);
    }
}
