package dev.rapport.api.status;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.ticket.Opinion;

import java.util.Optional;

/**
 * The customer's side of a resolved ticket, without a login: the token of the link the ticket's channel took to the
 * customer is the credential, and every request counts against a rate limit per client address that all nodes share.
 * Tokens are per ticket and resolution and expire; the SDK keeps only their hashes and shows them to no user.
 */
public interface CustomerStatus {
    /**
     * The ticket behind {@code token} as its customer may see it.
     *
     * @param clientAddress where the request comes from, for the rate limit
     * @throws NotFoundException    when no link has that token
     * @throws GoneException        when the link expired ({@code status.expired})
     * @throws RateLimitedException when the address sent too many requests lately
     */
    StatusView view(String token, String clientAddress);

    /**
     * The customer confirms the resolution the link was sent for: the same confirmation an employee records, with
     * method {@code ONLINE}, audited as the customer's. SATISFIED closes the ticket; NEEDS_ADJUSTMENT and UNSATISFIED
     * reopen it and need a comment. One answer per resolution, whoever records it.
     *
     * @return the ticket as the customer now sees it
     * @throws NotFoundException    when no link has that token
     * @throws ConflictException    when the resolution was answered already or no longer stands
     *                              ({@code status.answered})
     * @throws GoneException        when the link expired ({@code status.expired})
     * @throws ValidationException  naming a missing opinion, or a missing or too long comment
     * @throws RateLimitedException when the address sent too many requests lately
     */
    StatusView confirm(String token, Opinion opinion, Optional<String> comment, String clientAddress);
}
