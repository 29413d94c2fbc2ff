package dev.rapport.api.customer;

import dev.rapport.api.Money;
import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

import java.util.Optional;

/**
 * Purchases of each customer. A customer whose cumulative purchases reach the configured key-account threshold
 * (default 500,000 CNY) becomes a key account.
 */
public interface Purchases {
    /**
     * Records a purchase; needs {@code customer.write}. Audited and announced as {@code PurchaseRecorded}.
     *
     * @throws NotFoundException   for an unknown customer
     * @throws ValidationException naming every invalid field, including a currency other than the customer's
     */
    Purchase record(Actor actor, CustomerId customer, NewPurchase purchase);

    /** The customer's purchases, newest first; needs {@code customer.read}. */
    Page<Purchase> list(Actor actor, CustomerId customer, PageRequest page);

    /** The sum of the customer's purchases; empty before the first one. Needs {@code customer.read}. */
    Optional<Money> cumulative(Actor actor, CustomerId customer);
}
