package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.CustomerId;

import java.util.Objects;

/**
 * An existing customer that a {@link DuplicateProbe} resembles, and in what.
 *
 * @param nameSimilarity how similar its name is to the probe's, from 0 to 1 (1 for the same normalised name)
 * @param samePhone      whether one of its contacts has one of the probe's phones
 * @param sameEmail      whether one of its contacts has one of the probe's e-mails, ignoring case
 */
public record DuplicateSuspect(CustomerId id, String code, String name, double nameSimilarity, boolean samePhone,
                               boolean sameEmail) {
    public DuplicateSuspect {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    /** Whether a contact's phone or e-mail is the same. */
    public boolean sameContact() {
        return samePhone || sameEmail;
    }
}
