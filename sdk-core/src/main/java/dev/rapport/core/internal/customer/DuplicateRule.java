package dev.rapport.core.internal.customer;

import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.DuplicateCandidate;
import dev.rapport.api.spi.storage.DuplicateProbe;
import dev.rapport.api.spi.storage.DuplicateSuspect;
import dev.rapport.core.PhoneNumberRule;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SPEC §3's duplicate rule: a new customer is a likely duplicate of an existing one that has a contact with the same
 * phone (in any form {@link PhoneNumberRule#sameNumber} calls the same) or the same e-mail (ignoring case), or whose
 * name is at least {@value #CLOSE_NAME} similar, as the storage compares names (the JDBC storage: trigram similarity
 * of the names without their legal form; "Northwind Trading" and "Northwind Tradng" are 0.75, "Northwind 1" and
 * "Northwind 2" 0.71; "Northwind Trading Co., Ltd." and "NORTHWIND TRADING", or 上海星河贸易有限公司 and
 * 上海星河贸易公司, are 1).
 */
final class DuplicateRule {
    static final double CLOSE_NAME = 0.75;
    static final int MAX_CANDIDATES = 10;

    private final PhoneNumberRule phones;

    DuplicateRule(PhoneNumberRule phones) {
        this.phones = phones;
    }

    /** What to ask the storage about a valid, normalised {@code profile}. */
    DuplicateProbe probe(CustomerProfile profile) {
        Set<String> numbers = profile.contacts().stream()
                .map(ContactDraft::phone).flatMap(Optional::stream)
                .flatMap(phone -> phones.sameNumber(phone).stream())
                .collect(Collectors.toSet());
        Set<String> emails = profile.contacts().stream()
                .map(ContactDraft::email).flatMap(Optional::stream)
                .map(email -> email.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new DuplicateProbe(profile.name(), numbers, emails, CLOSE_NAME, MAX_CANDIDATES);
    }

    /**
     * The suspects as candidates, in the storage's order (a shared phone or e-mail first, then by name similarity):
     * a shared phone or e-mail scores 1, otherwise the name similarity, rounded to three decimals for people.
     */
    List<DuplicateCandidate> candidates(List<DuplicateSuspect> suspects) {
        return suspects.stream()
                .map(s -> new DuplicateCandidate(s.id(), s.code(), s.name(),
                        s.sameContact() ? 1.0 : Math.round(s.nameSimilarity() * 1000) / 1000.0))
                .toList();
    }
}
