package dev.rapport.api.improvement;

/**
 * Dismisses an OPEN improvement suggestion.
 *
 * @param reason required: why the cluster needs no improvement
 */
public record DismissSuggestion(String reason) {
}
