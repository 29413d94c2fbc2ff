package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Interaction;

import java.util.List;
import java.util.Optional;

/** The communication log. */
public interface InteractionStore {
    /** Stores a new interaction of an existing customer. */
    void insert(Interaction interaction);

    /** At most {@code limit} interactions of the customer, newest first by (time, id), after {@code before}. */
    List<Interaction> ofCustomer(CustomerId customer, Optional<Before> before, int limit);

    /** Moves every interaction of {@code from} to {@code to}; returns how many moved. */
    int moveCustomer(CustomerId from, CustomerId to);
}
