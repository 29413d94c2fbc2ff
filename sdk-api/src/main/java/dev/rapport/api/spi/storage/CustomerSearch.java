package dev.rapport.api.spi.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of a customer search, as {@link CustomerStore#search} answers it.
 *
 * @param query             the text searched for, stripped; blank lists every customer by code
 * @param matchPersonalData whether contact phones and e-mails may match: false for callers who may not see them,
 *                          or they could find the hidden digits one search at a time
 * @param after             the {@link CustomerMatch#rank()} of the previous page's last match, to continue right
 *                          after it in the order; empty for the first page
 * @param limit             at most this many matches, at least 1
 */
public record CustomerSearch(String query, boolean matchPersonalData, Optional<CustomerMatch.Rank> after,
                             int limit) {
    public CustomerSearch {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
    }
}
