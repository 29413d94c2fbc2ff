package dev.rapport.api.followup;

import java.util.OptionalLong;

/**
 * Skipping a follow-up that will not be made.
 *
 * @param reason  required; at most 2,000 characters
 * @param version the version read; when given and stale the command is refused
 */
public record SkipFollowUp(String reason, OptionalLong version) {
    public SkipFollowUp {
        version = version == null ? OptionalLong.empty() : version;
    }

    /** A reason, whatever the version. */
    public static SkipFollowUp of(String reason) {
        return new SkipFollowUp(reason, OptionalLong.empty());
    }
}
