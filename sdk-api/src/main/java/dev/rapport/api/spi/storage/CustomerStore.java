package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;

import java.util.List;
import java.util.Optional;

/** Customers with their contacts. */
public interface CustomerStore {
    void insert(Customer customer);

    Optional<Customer> find(CustomerId id);

    boolean exists(CustomerId id);

    /**
     * Replaces the stored customer (contacts included) if its version is still {@code expectedVersion}.
     *
     * @return false when the stored version differs or the customer is gone: nothing was written
     */
    boolean update(Customer customer, long expectedVersion);

    /**
     * Customers whose code, name, contact name, contact phone or contact e-mail contains {@code query},
     * ignoring case. Ranked: exact code first, then names starting with the query, then the rest; ties by code.
     */
    List<Customer> search(String query, int offset, int limit);
}
