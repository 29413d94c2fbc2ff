package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.CustomerId;

import java.util.List;
import java.util.Objects;

/**
 * The names of one customer that its search readings are made of, as {@link CustomerStore#lackingReadings} answers.
 *
 * @param id           the customer
 * @param name         its name
 * @param contactNames its contacts' names, in their stored order
 */
public record CustomerNames(CustomerId id, String name, List<String> contactNames) {
    public CustomerNames {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        contactNames = List.copyOf(contactNames);
    }
}
