package dev.rapport.api.spi.storage;

import java.util.Objects;
import java.util.Set;

/**
 * What a new customer would be, to find the existing ones it may duplicate with {@link CustomerStore#suspects}.
 *
 * @param name              the new customer's name
 * @param phones            its contacts' phones, each in every stored form that means the same number
 * @param emails            its contacts' e-mails, in lower case
 * @param minNameSimilarity customers whose name is at least this similar to {@code name} are suspects, from 0
 *                          (exclusive) to 1; the storage decides how it compares names, and may leave out what
 *                          nearly every name has, such as a legal form ({@code Ltd}, {@code 有限公司})
 * @param limit             at most this many suspects, at least 1
 */
public record DuplicateProbe(String name, Set<String> phones, Set<String> emails, double minNameSimilarity,
                             int limit) {
    public DuplicateProbe {
        Objects.requireNonNull(name, "name");
        phones = Set.copyOf(phones);
        emails = Set.copyOf(emails);
        if (!(minNameSimilarity > 0 && minNameSimilarity <= 1)) {
            throw new IllegalArgumentException("minNameSimilarity must be in (0, 1], not " + minNameSimilarity);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
    }
}
