package dev.rapport.api.improvement;

import dev.rapport.api.Identifier;

/** The id of an improvement. */
public record ImprovementId(String value) implements Identifier {
    public ImprovementId {
        Identifier.checked(value, "ImprovementId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static ImprovementId of(String value) {
        return new ImprovementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
