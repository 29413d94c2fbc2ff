package dev.rapport.api.spi.storage;

import dev.rapport.api.Money;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Purchase;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Customers' purchases. */
public interface PurchaseStore {
    /** Stores a new purchase of an existing customer. */
    void insert(Purchase purchase);

    /**
     * At most {@code limit} purchases of the customer, newest first by (date at the start of the day, id), after
     * {@code before}; {@code zone} turns dates into instants.
     */
    List<Purchase> ofCustomer(CustomerId customer, Optional<Before> before, int limit, ZoneId zone);

    /** The sum of the customer's purchases per currency, by currency code. */
    List<Money> totals(CustomerId customer);

    /** Moves every purchase of {@code from} to {@code to}; returns how many moved. */
    int moveCustomer(CustomerId from, CustomerId to);
}
