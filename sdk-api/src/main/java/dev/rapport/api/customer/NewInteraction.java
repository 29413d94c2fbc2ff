package dev.rapport.api.customer;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A communication to log. {@link Interactions#log} checks every field and names each invalid one.
 *
 * @param at      when it took place; now when empty; never in the future
 * @param topic   required
 * @param content required
 * @param ownerId who follows it up; the actor who logs it when empty
 */
public record NewInteraction(Optional<Instant> at, InteractionMethod method, List<String> participants, String topic,
                             String content, Optional<String> initialResponse, Optional<UserId> ownerId,
                             Optional<Instant> plannedCompletion, Optional<String> nextAction) {
    public NewInteraction {
        at = at == null ? Optional.empty() : at;
        participants = participants == null ? List.of() : List.copyOf(participants);
        initialResponse = initialResponse == null ? Optional.empty() : initialResponse;
        ownerId = ownerId == null ? Optional.empty() : ownerId;
        plannedCompletion = plannedCompletion == null ? Optional.empty() : plannedCompletion;
        nextAction = nextAction == null ? Optional.empty() : nextAction;
    }

    /** A communication that just happened, with nothing planned after it. */
    public static NewInteraction of(InteractionMethod method, String topic, String content) {
        return new NewInteraction(Optional.empty(), method, List.of(), topic, content, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
