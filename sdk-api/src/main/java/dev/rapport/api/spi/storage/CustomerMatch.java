package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.Customer;

import java.util.Objects;

/** One customer found by {@link CustomerStore#search}, and where it ranks. */
public record CustomerMatch(Customer customer, Rank rank) {
    public CustomerMatch {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(rank, "rank");
    }

    /**
     * The sort key of a match: search results are ordered by {@code exactCode} (true first), {@code score}
     * (descending), {@code closeness} (descending) and {@code code}, in that order. Scores are compared exactly as
     * the storage returned them, so a rank passed back as {@link CustomerSearch#after()} continues right after its
     * match.
     *
     * @param exactCode whether the customer's code is the query
     * @param score     how well the query matches a run of words of the name or of a contact's name (or, when
     *                  personal data may match, of a phone or e-mail), from 0 (found by a part of its code only) to 1
     * @param closeness how close the whole name is to the query, from 0 to 1: among equal scores, "Acme" comes
     *                  before "Acme Trading" for the query {@code acme}
     * @param code      the customer's code
     */
    public record Rank(boolean exactCode, double score, double closeness, String code) {
        public Rank {
            Objects.requireNonNull(code, "code");
        }
    }
}
