package dev.rapport.api.event;

import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.security.UserId;

import java.time.Instant;

/**
 * An improvement suggestion was dismissed: its type and tag may be suggested again, counting tickets opened from now.
 *
 * @param reason why it needs no improvement
 */
public record ImprovementSuggestionDismissed(SuggestionId suggestionId, String ticketType, String tag, String reason,
                                             Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return suggestionId.value();
    }
}
