package dev.rapport.core.internal.customer;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** SPEC §2: contact phones and e-mails are internal data, masked for actors without {@code customer.pii.read}. */
public final class PersonalData {
    private PersonalData() {
    }

    /** The customer as {@code actor} may see it. */
    public static Customer visibleTo(Actor actor, Customer customer) {
        if (actor.has(Permission.CUSTOMER_PII_READ)) {
            return customer;
        }
        var contacts = customer.contacts().stream()
                .map(c -> new Contact(c.id(), c.name(), c.title(), c.phone().map(PersonalData::maskPhone),
                        c.email().map(PersonalData::maskEmail)))
                .toList();
        return customer.toBuilder().contacts(contacts).build();
    }

    /**
     * The profile with masked phones and e-mails of existing contacts put back as stored: an actor who saw them
     * masked and sends them back unchanged keeps them, rather than overwriting them with the masks.
     */
    public static CustomerProfile unmasked(Actor actor, CustomerProfile profile, Customer current) {
        if (actor.has(Permission.CUSTOMER_PII_READ)) {
            return profile;
        }
        var contacts = profile.contacts().stream().map(draft -> draft.id()
                .flatMap(id -> current.contacts().stream().filter(c -> c.id().equals(id)).findFirst())
                .map(stored -> new ContactDraft(draft.id(), draft.name(), draft.title(),
                        keep(draft.phone(), stored.phone(), PersonalData::maskPhone),
                        keep(draft.email(), stored.email(), PersonalData::maskEmail)))
                .orElse(draft)).toList();
        return profile.toBuilder().contacts(contacts).build();
    }

    private static Optional<String> keep(Optional<String> sent, Optional<String> stored, UnaryOperator<String> mask) {
        return sent.isPresent() && stored.isPresent() && sent.get().equals(mask.apply(stored.get())) ? stored : sent;
    }

    /**
     * {@code 13812345678} → {@code 138****5678}: the first three and the last four characters stay of numbers of 11
     * or more; shorter ones keep only their last two, so that at least half of every number stays hidden.
     */
    public static String maskPhone(String phone) {
        if (phone.length() >= 11) {
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
        return phone.length() <= 4 ? "****" : "****" + phone.substring(phone.length() - 2);
    }

    /** {@code zhang@example.com} → {@code z***@example.com}. */
    public static String maskEmail(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
