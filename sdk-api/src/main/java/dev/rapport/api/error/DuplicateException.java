package dev.rapport.api.error;

import dev.rapport.api.customer.DuplicateCandidate;

import java.util.List;

/**
 * The thing to create looks like one that exists already; nothing was stored. {@link #candidates()} names the
 * look-alikes, best first, so that the caller can pick one or confirm that the new one is different.
 */
public final class DuplicateException extends RapportException {
    private final List<DuplicateCandidate> candidates;

    private DuplicateException(String code, String message, List<DuplicateCandidate> candidates) {
        super(code, message);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a duplicate needs at least one candidate");
        }
        this.candidates = List.copyOf(candidates);
    }

    /**
     * A new customer resembles existing ones ({@code customer.duplicate}). The message names their codes only:
     * messages end up in logs, and a person's name is personal data.
     *
     * @param candidates at least one, best first
     */
    public static DuplicateException customer(List<DuplicateCandidate> candidates) {
        var codes = candidates.stream().map(DuplicateCandidate::code).toList();
        return new DuplicateException("customer.duplicate", "The customer may exist already as "
                + String.join(", ", codes) + "; create it anyway by allowing a duplicate", candidates);
    }

    /** The look-alikes, best first; never empty. */
    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
