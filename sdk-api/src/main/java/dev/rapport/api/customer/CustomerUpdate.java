package dev.rapport.api.customer;

import java.util.Objects;

/**
 * The new state of a customer's editable fields.
 *
 * @param version the version the change was based on; a stale one is refused
 * @param code    the customer's code as the caller knows it; a different code is refused (codes are immutable)
 */
public record CustomerUpdate(long version, String code, CustomerProfile profile) {
    public CustomerUpdate {
        Objects.requireNonNull(profile, "profile");
    }
}
