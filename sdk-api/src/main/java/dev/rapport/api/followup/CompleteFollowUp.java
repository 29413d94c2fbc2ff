package dev.rapport.api.followup;

import dev.rapport.api.customer.InteractionMethod;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Completing a follow-up: what came of the contact. {@link FollowUps#complete} names every invalid field.
 *
 * @param outcome required; at most 2,000 characters
 * @param note    optional; at most 5,000 characters
 * @param method  how the contact was made; the kind's {@link FollowUpKind#defaultMethod()} when empty
 * @param version the version read; when given and stale the command is refused
 */
public record CompleteFollowUp(String outcome, Optional<String> note, Optional<InteractionMethod> method,
                               OptionalLong version) {
    public CompleteFollowUp {
        note = note == null ? Optional.empty() : note;
        method = method == null ? Optional.empty() : method;
        version = version == null ? OptionalLong.empty() : version;
    }

    /** An outcome alone, made the kind's usual way, whatever the version. */
    public static CompleteFollowUp of(String outcome) {
        return new CompleteFollowUp(outcome, Optional.empty(), Optional.empty(), OptionalLong.empty());
    }
}
