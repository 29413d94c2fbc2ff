package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.UserId;

import java.util.List;
import java.util.Optional;

/** Customers with their contacts. */
public interface CustomerStore {
    /** Stores a new customer with its contacts; the id and code are new. */
    void insert(Customer customer);

    /** The customer with its contacts in their stored order, or empty. */
    Optional<Customer> find(CustomerId id);

    /** Whether a customer with this id exists and was not merged into another; cheaper than {@link #find}. */
    boolean exists(CustomerId id);

    /**
     * The account manager of the customer when it is a key account that has one; empty for other customers and
     * unknown ids. Cheaper than {@link #find}.
     */
    Optional<UserId> keyAccountManager(CustomerId id);

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
     * <p>Case, accents and punctuation are ignored throughout, and a run of Chinese, Japanese or Korean characters
     * matches any run of it, down to one character. A customer matches in the first of these {@link
     * CustomerMatch.Tier tiers} that applies: its code is the query; the query appears as written in its name or
     * code; in a contact's name, or, when {@code search.matchPersonalData()}, in a contact's phone (digits only, so
     * spaces, dashes and a leading {@code +} do not matter) or e-mail; or, tolerating typos in Latin-script words
     * (a letter wrong, missing or added in a longer word), in its name or a contact's name. Without personal data,
     * phones and e-mails play no part at all.
     *
     * <p>Ordered by {@link CustomerMatch.Rank}. The order is total and stable: paging with
     * {@link CustomerSearch#after()} shows every match exactly once, as long as the customers do not change in
     * between. Customers merged into another never match. A blank query lists every customer by code, each a
     * {@link CustomerMatch.Tier#NAME} match with score
     * 1 and name length 0.
     */
    List<CustomerMatch> search(CustomerSearch search);

    /**
     * The existing customers that {@code probe} may duplicate: those with a contact whose phone is one of
     * {@code probe.phones()} or whose e-mail, ignoring case, is one of {@code probe.emails()}, and those whose name
     * is at least {@code probe.minNameSimilarity()} similar to {@code probe.name()}; never customers merged into
     * another. Ordered: a shared phone or
     * e-mail first, then by name similarity descending, then by code; at most {@code probe.limit()}.
     */
    List<DuplicateSuspect> suspects(DuplicateProbe probe);
}
