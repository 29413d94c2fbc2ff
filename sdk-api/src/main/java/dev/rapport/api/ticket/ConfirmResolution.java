package dev.rapport.api.ticket;

import java.util.Optional;

/**
 * Records the customer's answer to a resolution. SATISFIED closes the ticket; NEEDS_ADJUSTMENT and UNSATISFIED
 * reopen it and need a {@code comment} giving the reason.
 */
public record ConfirmResolution(long version, Opinion opinion, Optional<CommunicationMethod> method,
                                Optional<String> comment) {
    public ConfirmResolution {
        method = method == null ? Optional.empty() : method;
        comment = comment == null ? Optional.empty() : comment;
    }
}
