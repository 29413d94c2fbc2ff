package dev.rapport.api.improvement;

/** What became of an improvement suggestion. */
public enum SuggestionState {
    /** Raised and not yet acted on; further tickets of its cluster join it. */
    OPEN,
    /** Turned into an improvement, which links its tickets and customers. */
    ADOPTED,
    /** Judged not worth an improvement. */
    DISMISSED
}
