package dev.rapport.core.internal.customer;

import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.error.FieldError;
import dev.rapport.core.PhoneNumberRule;
import dev.rapport.core.internal.FieldChecks;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** SPEC §3's field rules for a customer profile: checks every field and gives the profile in its stored form. */
public final class CustomerRules {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TAGS = 20;
    private static final int MAX_CONTACTS = 50;

    private final Set<String> industries;
    private final PhoneNumberRule phones;
    private final DuplicateRule duplicates;

    /** The configured industries, sorted. */
    public List<String> industries() {
        return industries.stream().sorted().toList();
    }

    public CustomerRules(Set<String> industries, PhoneNumberRule phones) {
        this.industries = Set.copyOf(industries);
        this.phones = phones;
        this.duplicates = new DuplicateRule(phones);
    }

    /** When a new customer looks like an existing one; it compares phones as this region's rule does. */
    DuplicateRule duplicates() {
        return duplicates;
    }

    /** A profile checked: the normalised profile (trimmed texts, phones in stored form) and every field error. */
    public record Checked(CustomerProfile profile, List<FieldError> errors) {
    }

    public Checked check(CustomerProfile p) {
        var checks = FieldChecks.create();
        checks.require("kind", p.kind());
        String name = checks.text("name", p.name(), 200, true);
        String industry = checks.text("industry", p.industry(), 100, true);
        if (industry != null && !industries.contains(industry)) {
            checks.add("industry", "must be one of " + industries.stream().sorted().toList());
        }
        if (p.keyAccount() && p.accountManagerId().isEmpty()) {
            checks.add("accountManagerId", "is required for a key account");
        }
        p.cooperationSince().ifPresent(d -> checks.date("cooperationSince", d));
        p.contractEnd().ifPresent(d -> checks.date("contractEnd", d));
        p.firstContactAt().ifPresent(at -> checks.instant("firstContactAt", at));
        if (p.cooperationSince().isPresent() && p.contractEnd().isPresent()
                && p.contractEnd().get().isBefore(p.cooperationSince().get())) {
            checks.add("contractEnd", "must not be before cooperationSince");
        }
        var tags = new ArrayList<String>();
        if (p.tags().size() > MAX_TAGS) {
            checks.add("tags", "must be at most " + MAX_TAGS);
        }
        for (int i = 0; i < p.tags().size(); i++) {
            String tag = checks.text("tags[" + i + "]", p.tags().get(i), 50, true);
            if (tag != null && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if (p.contacts().isEmpty()) {
            checks.add("contacts", "needs at least one contact");
        } else if (p.contacts().size() > MAX_CONTACTS) {
            checks.add("contacts", "must be at most " + MAX_CONTACTS);
        }
        var contacts = new ArrayList<ContactDraft>();
        for (int i = 0; i < p.contacts().size(); i++) {
            contacts.add(checkContact("contacts[" + i + "]", p.contacts().get(i), checks));
        }
        var normalised = new CustomerProfile(p.kind(), name, industry, p.cooperationSince(), p.source(), p.segment(),
                p.maintenanceLevel(), p.keyAccount(), p.accountManagerId(), tags, p.contractEnd(),
                p.firstContactAt().map(at -> at.truncatedTo(ChronoUnit.MICROS)), p.firstContactChannel(), contacts);
        return new Checked(normalised, checks.errors());
    }

    private ContactDraft checkContact(String prefix, ContactDraft c, FieldChecks checks) {
        if (c == null) {
            checks.add(prefix, "is required");
            return null;
        }
        String name = checks.text(prefix + ".name", c.name(), 100, true);
        Optional<String> title = checks.optionalText(prefix + ".title", c.title(), 100);
        Optional<String> phone = checks.optionalText(prefix + ".phone", c.phone(), 32).flatMap(raw -> {
            var normalised = phones.normalize(raw);
            if (normalised.isEmpty()) {
                checks.add(prefix + ".phone", phones.describe());
            }
            return normalised;
        });
        Optional<String> email = checks.optionalText(prefix + ".email", c.email(), 254);
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            checks.add(prefix + ".email", "must be an e-mail address such as name@example.com");
        }
        if (c.phone().filter(s -> !s.isBlank()).isEmpty() && c.email().filter(s -> !s.isBlank()).isEmpty()) {
            checks.add(prefix, "needs a phone or an e-mail");
        }
        return new ContactDraft(c.id(), name, title, phone, email);
    }
}
