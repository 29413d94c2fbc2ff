package dev.rapport.api.customer;

import java.util.Objects;

/**
 * An existing customer that a new one may duplicate, as reported by {@link Customers#create(
 * dev.rapport.api.security.Actor, CustomerProfile, boolean)}. Carries no phone or e-mail: whoever sees the refusal
 * may lack {@code customer.pii.read}.
 *
 * @param score how likely the two are the same customer, from 0 to 1: 1 when a contact phone or e-mail is the same,
 *              otherwise how similar the names are
 */
public record DuplicateCandidate(CustomerId id, String code, String name, double score) {
    public DuplicateCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, not " + score);
        }
    }
}
