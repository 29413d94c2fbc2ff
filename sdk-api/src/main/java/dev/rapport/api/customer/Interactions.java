package dev.rapport.api.customer;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

/** The communication log of each customer. */
public interface Interactions {
    /**
     * Logs a communication; needs {@code customer.write}. Audited and announced as {@code InteractionLogged}.
     *
     * @throws NotFoundException   for an unknown customer
     * @throws ValidationException naming every invalid field; nothing is stored
     */
    Interaction log(Actor actor, CustomerId customer, NewInteraction interaction);

    /** The customer's interactions, newest first; needs {@code customer.read}. */
    Page<Interaction> list(Actor actor, CustomerId customer, PageRequest page);
}
