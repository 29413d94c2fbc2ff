package dev.rapport.api.improvement;

import dev.rapport.api.Identifier;

/** The id of an improvement suggestion. */
public record SuggestionId(String value) implements Identifier {
    public SuggestionId {
        Identifier.checked(value, "SuggestionId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static SuggestionId of(String value) {
        return new SuggestionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
