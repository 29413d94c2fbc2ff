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
     * One page of the customers that match {@code search.query()}, most relevant first. The SDK keeps no rules of
     * its own here: what matches and the order are this contract.
     *
     * <p>A customer matches when its code is the query (ignoring case), when its code contains the query, or when
     * the query matches its name or one of its contacts' names, tolerating typos: a part of a word, a letter wrong,
     * missing or added in a longer word, any part of a name in Chinese, Japanese or Korean down to one character.
     * Case, accents and punctuation are ignored. When {@code search.matchPersonalData()}, a customer also matches
     * when a contact's phone or e-mail contains the query as written (phones ignoring spaces, dashes and a
     * leading {@code +}); otherwise phones and e-mails play no part, not even in the order.
     *
     * <p>Ordered by {@link CustomerMatch.Rank}: the exact code first, then by how well the query matches, then by
     * how close the whole name is, then by code. The order is total and stable: paging with
     * {@link CustomerSearch#after()} shows every match exactly once, as long as the customers do not change in
     * between. A blank query matches every customer, ordered by code (every rank's scores then 0).
     */
    List<CustomerMatch> search(CustomerSearch search);

    /**
     * The existing customers that {@code probe} may duplicate: those with a contact whose phone is one of
     * {@code probe.phones()} or whose e-mail, ignoring case, is one of {@code probe.emails()}, and those whose name
     * is at least {@code probe.minNameSimilarity()} similar to {@code probe.name()}. Ordered: a shared phone or
     * e-mail first, then by name similarity descending, then by code; at most {@code probe.limit()}.
     */
    List<DuplicateSuspect> suspects(DuplicateProbe probe);
}
