package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.UserId;

import java.util.Collection;
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
     * (two adjacent letters swapped, or one letter wrong, missing or added, in a word of four letters or more), in
     * its name or a contact's name. A query of Latin letters alone (spaces and apostrophes aside) also matches in its
     * {@link CustomerMatch.Tier#PINYIN} tier when it is one of the customer's {@link #indexReadings readings}.
     * Without personal data, phones and e-mails play no part at all.
     *
     * <p>Where a word of the query is shared by so many names that sorting them all would be slow, the storage may
     * list only the names holding it as a whole word in the {@link CustomerMatch.Tier#NAME} tier, in the same
     * order, so that the first pages come from an index in order rather than from every match.
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

    /**
     * Replaces the search readings of a stored customer: plain lower-case ASCII strings ({@code [a-z]+}) that a
     * query, without its spaces and apostrophes, must equal to find it in the {@link CustomerMatch.Tier#PINYIN}
     * tier. The SDK computes them (the pinyin of the Chinese names) and calls this after every insert and every
     * change of the customer's or its contacts' names, in the same transaction; storage keeps them, indexed, until
     * the next call. Also marks the customer as having readings (see {@link #lackingReadings}).
     */
    void indexReadings(CustomerId id, Collection<String> readings);

    /**
     * Up to {@code limit} customers (merged ones included) whose readings were never {@link #indexReadings indexed},
     * such as those stored before readings existed, with their names and their contacts' names, for the SDK to fill
     * in a bounded batch at a time.
     */
    List<CustomerNames> lackingReadings(int limit);
}
