package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.Customer;

import java.util.Objects;

/** One customer found by {@link CustomerStore#search}, and where it ranks. */
public record CustomerMatch(Customer customer, Rank rank) {
    public CustomerMatch {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(rank, "rank");
    }

    /** How a customer matched; search results come in this order. */
    public enum Tier {
        /** Its code is the query, ignoring case. */
        CODE,
        /** The query appears as written (ignoring case, accents and punctuation) in its name, or in its code. */
        NAME,
        /** The query appears as written in a contact's name or, when personal data may match, phone or e-mail. */
        CONTACT,
        /**
         * The query, without spaces and apostrophes, is a reading of a run of its name or a contact's name: the full
         * pinyin ({@code xinghe}, {@code xing he}) or the initials ({@code xh}) of two to four Chinese characters, any
         * reading of a polyphonic character counted (as the SDK computes them, see {@link
         * CustomerStore#indexReadings}).
         */
        PINYIN,
        /** The query matches its name or a contact's name with typos, in words of Latin script. */
        SIMILAR
    }

    /**
     * The sort key of a match: results are ordered by {@code tier}, then {@code score} (descending), then
     * {@code nameLength} (shorter first: for the query {@code acme}, "Acme" before "Acme Trading"), then
     * {@code code}. Scores are compared exactly as the storage returned them, so that a rank passed back as
     * {@link CustomerSearch#after()} continues right after its match.
     *
     * @param score      1 for the tiers of matches as written and for {@link Tier#PINYIN}; for {@link Tier#SIMILAR}, how well the query
     *                   matches a run of words of the name or a contact's name, above 0 and at most 1
     * @param nameLength the length of the customer's name in a storage-defined normal form, at least 0
     */
    public record Rank(Tier tier, double score, int nameLength, String code) {
        public Rank {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(code, "code");
        }
    }
}
