package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;

import java.util.List;
import java.util.Optional;

/** Customers with their contacts. */
public interface CustomerStore {
    /** Stores a new customer with its contacts; the id and code are new. */
    void insert(Customer customer);

    /** The customer with its contacts in their stored order, or empty. */
    Optional<Customer> find(CustomerId id);

    /** Whether a customer with this id exists; cheaper than {@link #find}. */
    boolean exists(CustomerId id);

    /**
     * Replaces the stored customer (contacts included) if its version is still {@code expectedVersion}.
     *
     * @return false when the stored version differs or the customer is gone: nothing was written
     */
    boolean update(Customer customer, long expectedVersion);

    /**
     * Customers whose code, name or contact name contains {@code query}, ignoring case, and, when
     * {@code matchPersonalData}, also those whose contact phone or e-mail contains it. Ranked: exact code first, then
     * names starting with the query, then the rest; ties by code. A blank query matches every customer.
     *
     * @param matchPersonalData false for callers who may not see phones and e-mails: matching on them would let a
     *                          caller find the hidden digits one search at a time
     */
    List<Customer> search(String query, boolean matchPersonalData, int offset, int limit);
}
