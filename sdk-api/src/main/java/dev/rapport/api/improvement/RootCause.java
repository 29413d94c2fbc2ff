package dev.rapport.api.improvement;

/** Why a problem happened, as SPEC §6 classifies root causes of recurring or systemic problems. */
public enum RootCause {
    /** A process is missing a step, a check or an owner. */
    PROCESS_GAP,
    /** Someone made a mistake the process would have caught. */
    HUMAN_ERROR,
    /** The product itself is at fault. */
    PRODUCT_DEFECT,
    /** A supplier or partner is at fault. */
    SUPPLIER,
    /** None of the above. */
    OTHER
}
