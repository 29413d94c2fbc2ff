package dev.rapport.api.improvement;

/**
 * Where a corrective action stands: PROPOSED → IN_PROGRESS → DONE → VERIFIED, one step at a time. An update moves it
 * up to DONE; only {@link Improvements#verify} moves it to VERIFIED.
 */
public enum ImprovementState {
    /** Recorded, not yet started. */
    PROPOSED,
    /** The measures are being carried out. */
    IN_PROGRESS,
    /** The measures are complete; waiting for the affected customers' verdict. */
    DONE,
    /** At least one affected customer has scored the result. */
    VERIFIED
}
