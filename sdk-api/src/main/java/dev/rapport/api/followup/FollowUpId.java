package dev.rapport.api.followup;

import dev.rapport.api.Identifier;

/** The id of a follow-up. */
public record FollowUpId(String value) implements Identifier {
    public FollowUpId {
        Identifier.checked(value, "FollowUpId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static FollowUpId of(String value) {
        return new FollowUpId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
