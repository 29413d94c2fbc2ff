package dev.rapport.core.internal.customer;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.CustomerUpdate;
import dev.rapport.api.customer.Customers;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.customer.DuplicateCandidate;
import dev.rapport.api.error.DuplicateException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.CustomerCreated;
import dev.rapport.api.event.CustomerUpdated;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.ticket.Correspondent;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.spi.storage.Counter;
import dev.rapport.api.spi.storage.CustomerSearch;
import dev.rapport.api.spi.storage.DuplicateSuspect;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Customer profiles: creation with a generated code (refused for a likely duplicate unless allowed), edits with
 * optimistic locking, fuzzy search, audit.
 */
public final class CustomerService implements Customers {
    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final IdGenerator ids;
    private final CustomerRules rules;
    private final CustomerMerge merge;

    public CustomerService(Transactions transactions, Clock clock, ZoneId zone, IdGenerator ids, CustomerRules rules,
                           CustomerMerge merge) {
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
        this.ids = ids;
        this.rules = rules;
        this.merge = merge;
    }

    @Override
    public Customer create(Actor actor, CustomerProfile profile, boolean allowDuplicate) {
        actor.require(Permission.CUSTOMER_WRITE);
        var checked = rules.check(profile);
        var p = checked.profile();
        Customer created = transactions.write(tx -> {
            Instant now = clock.instant();
            var errors = new ArrayList<>(checked.errors());
            errors.addAll(referenceErrors(tx, p));
            errors.addAll(timeErrors(p, now));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (!allowDuplicate) {
                var duplicates = rules.duplicates();
                var candidates = duplicates.candidates(tx.customers().suspects(duplicates.probe(p)));
                if (!candidates.isEmpty()) {
                    throw DuplicateException.customer(candidates);
                }
            }
            return insert(tx, actor, p, false, now);
        });
        return PersonalData.visibleTo(actor, created);
    }

    /**
     * The customer who wrote a message, inside the caller's transaction: the one with a contact of the same e-mail
     * address, else of the same phone number; otherwise a new customer with what the message told, flagged for an
     * agent to complete, and named without any contact datum unmasked ({@link CorrespondentName}).
     */
    public Customer forCorrespondent(Transaction tx, Actor actor, Correspondent who, IntakeChannel channel,
                                     Instant now) {
        actor.require(Permission.CUSTOMER_WRITE);
        var profile = correspondentProfile(who, channel, now);
        var suspects = tx.customers().suspects(rules.duplicates().probe(profile));
        var known = suspects.stream().filter(DuplicateSuspect::sameEmail).findFirst()
                .or(() -> suspects.stream().filter(DuplicateSuspect::samePhone).findFirst());
        if (known.isPresent()) {
            return find(tx, known.get().id());
        }
        return insert(tx, actor, profile, true, now);
    }

    /**
     * A new customer, flagged for completion, for a message whose sender nothing proves, such as a web form's: whoever's
     * contact data it gives, it is filed under no existing customer ({@link #possibleMatches} suggests them).
     */
    public Customer forAnonymous(Transaction tx, Actor actor, Correspondent who, IntakeChannel channel, Instant now) {
        actor.require(Permission.CUSTOMER_WRITE);
        return insert(tx, actor, correspondentProfile(who, channel, now), true, now);
    }

    private CustomerProfile correspondentProfile(Correspondent who, IntakeChannel channel, Instant now) {
        String name = CorrespondentName.of(who, channel, now.atZone(zone).toLocalDate());
        var contact = new ContactDraft(Optional.empty(), name, Optional.empty(), who.phone(), who.email());
        return CustomerProfile.builder().kind(CustomerKind.PERSON).name(name).industry("")
                .firstContactAt(now).firstContactChannel(channel).contact(contact).build();
    }

    @Override
    public List<DuplicateCandidate> possibleMatches(Actor actor, CustomerId id) {
        actor.require(Permission.CUSTOMER_READ);
        return transactions.read(tx -> {
            var customer = find(tx, id);
            // Shared contact data only: a name a channel made up ("Web form 2026-12-06 · …") is like every other one.
            var suspects = tx.customers().suspects(rules.duplicates().probe(customer.profile())).stream()
                    .filter(s -> !s.id().equals(id) && (s.samePhone() || s.sameEmail())).toList();
            return rules.duplicates().candidates(suspects);
        });
    }

    private Customer insert(Transaction tx, Actor actor, CustomerProfile p, boolean needsCompletion, Instant now) {
        String code = "C" + now.atZone(zone).getYear() + "%06d".formatted(tx.next(Counter.CUSTOMER_CODE));
        var contacts = p.contacts().stream()
                .map(c -> new Contact(ContactId.of(ids.next()), c.name(), c.title(), c.phone(), c.email()))
                .toList();
        var customer = Customer.builder().id(CustomerId.of(ids.next())).code(code).profile(p)
                .firstContactAt(Optional.of(p.firstContactAt().orElse(now))).contacts(contacts)
                .needsCompletion(needsCompletion).createdAt(now).updatedAt(now).build();
        tx.customers().insert(customer);
        tx.customers().indexReadings(customer.id(), PinyinReadings.of(customer));
        tx.audit().append(diff(null, customer).entry("customer", customer.id().value(), now, actor, "customer.created"));
        tx.outbox().append(new CustomerCreated(customer.id(), code, now, actor.userId()));
        return customer;
    }

    @Override
    public List<FieldError> validate(Actor actor, CustomerProfile profile) {
        actor.require(Permission.CUSTOMER_WRITE);
        var checked = rules.check(profile);
        var errors = new ArrayList<>(checked.errors());
        errors.addAll(transactions.read(tx -> referenceErrors(tx, checked.profile())));
        return errors;
    }

    @Override
    public List<String> industries(Actor actor) {
        actor.require(Permission.CUSTOMER_READ);
        return rules.industries();
    }

    @Override
    public Customer get(Actor actor, CustomerId id) {
        actor.require(Permission.CUSTOMER_READ);
        return PersonalData.visibleTo(actor, transactions.read(tx -> find(tx, id)));
    }

    @Override
    public Customer update(Actor actor, CustomerId id, CustomerUpdate update) {
        actor.require(Permission.CUSTOMER_WRITE);
        Customer updated = transactions.write(tx -> {
            Customer current = find(tx, id);
            CustomerMerge.requireNotMerged(current);
            var checked = rules.check(PersonalData.unmasked(actor, update.profile(), current));
            var p = checked.profile();
            Instant now = clock.instant();
            var errors = new ArrayList<>(checked.errors());
            errors.addAll(timeErrors(p, now));
            if (update.code() != null && !update.code().equals(current.code())) {
                errors.addFirst(FieldError.of("code", "is immutable; this customer's code is " + current.code()));
            }
            errors.addAll(referenceErrors(tx, p));
            var existing = current.contacts().stream().collect(Collectors.toMap(Contact::id, Function.identity()));
            var seen = new HashSet<ContactId>();
            for (int i = 0; i < p.contacts().size(); i++) {
                var draftId = p.contacts().get(i).id();
                if (draftId.isPresent() && !existing.containsKey(draftId.get())) {
                    errors.add(FieldError.of("contacts[" + i + "].id", "is not a contact of this customer"));
                } else if (draftId.isPresent() && !seen.add(draftId.get())) {
                    errors.add(FieldError.of("contacts[" + i + "].id", "appears twice"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (current.version() != update.version()) {
                throw ConflictException.staleVersion("customer", id.value(), update.version(), current.version());
            }
            var contacts = p.contacts().stream().map(this::toContact).toList();
            // A valid profile saved by an agent is a complete one.
            var next = current.toBuilder().profile(p).contacts(contacts).needsCompletion(false).updatedAt(now)
                    .version(current.version() + 1).build();
            var changes = diff(current, next);
            if (changes.isEmpty()) {
                return current;
            }
            if (!tx.customers().update(next, current.version())) {
                throw ConflictException.staleVersion("customer", id.value(), update.version(), current.version() + 1);
            }
            var readings = PinyinReadings.of(next);
            if (!readings.equals(PinyinReadings.of(current))) {
                tx.customers().indexReadings(id, readings);
            }
            tx.audit().append(changes.entry("customer", id.value(), now, actor, "customer.updated"));
            tx.outbox().append(new CustomerUpdated(id, next.version(), now, actor.userId()));
            return next;
        });
        return PersonalData.visibleTo(actor, updated);
    }

    @Override
    public Page<Customer> search(Actor actor, String query, PageRequest page) {
        actor.require(Permission.CUSTOMER_READ);
        var checks = FieldChecks.create();
        String q = Optional.ofNullable(checks.text("q", query, 100, false)).orElse("");
        checks.throwIfAny();
        var after = page.cursor().map(cursor -> SearchCursor.decode(cursor, q));
        var search = new CustomerSearch(q, actor.has(Permission.CUSTOMER_PII_READ), after, page.limit() + 1);
        var found = transactions.read(tx -> tx.customers().search(search));
        var shown = found.stream().limit(page.limit()).toList();
        var next = found.size() > page.limit()
                ? Optional.of(SearchCursor.encode(q, shown.getLast().rank())) : Optional.<String>empty();
        return new Page<>(shown.stream().map(m -> PersonalData.visibleTo(actor, m.customer())).toList(), next);
    }

    @Override
    public Customer merge(Actor actor, CustomerId survivor, CustomerId duplicate) {
        return PersonalData.visibleTo(actor, merge.merge(actor, survivor, duplicate));
    }

    @Override
    public List<AuditEntry> history(Actor actor, CustomerId id) {
        actor.require(Permission.CUSTOMER_READ);
        return transactions.read(tx -> {
            find(tx, id);
            return tx.audit().of("customer", id.value());
        });
    }

    private Customer find(Transaction tx, CustomerId id) {
        return tx.customers().find(id).orElseThrow(() -> NotFoundException.of("customer", id.value()));
    }

    private List<FieldError> referenceErrors(Transaction tx, CustomerProfile p) {
        var checks = FieldChecks.create();
        p.accountManagerId().ifPresent(manager -> {
            if (tx.users().find(manager).isEmpty()) {
                checks.add("accountManagerId", "is not a known user");
            }
        });
        return checks.errors();
    }

    /** Rules that need the clock: a first contact cannot lie in the future. */
    private static List<FieldError> timeErrors(CustomerProfile p, Instant now) {
        return p.firstContactAt().filter(at -> at.isAfter(now))
                .map(at -> List.of(FieldError.of("firstContactAt", "must not be in the future")))
                .orElse(List.of());
    }

    private Contact toContact(ContactDraft c) {
        return new Contact(c.id().orElseGet(() -> ContactId.of(ids.next())), c.name(), c.title(), c.phone(), c.email());
    }

    /** Field-by-field changes; contacts compared as a whole, their phones and e-mails never written in clear. */
    private static ChangeSet diff(Customer before, Customer after) {
        Function<Function<Customer, Object>, Object> was = f -> before == null ? null : f.apply(before);
        return ChangeSet.create()
                .field("kind", was.apply(Customer::kind), after.kind())
                .field("name", was.apply(Customer::name), after.name())
                .field("industry", was.apply(Customer::industry), after.industry())
                .field("cooperationSince", was.apply(Customer::cooperationSince), after.cooperationSince())
                .field("source", was.apply(Customer::source), after.source())
                .field("segment", was.apply(Customer::segment), after.segment())
                .field("maintenanceLevel", was.apply(Customer::maintenanceLevel), after.maintenanceLevel())
                .field("keyAccount", was.apply(Customer::keyAccount), after.keyAccount())
                .field("accountManagerId", was.apply(Customer::accountManagerId), after.accountManagerId())
                .field("tags", was.apply(Customer::tags), after.tags())
                .field("contractEnd", was.apply(Customer::contractEnd), after.contractEnd())
                .field("firstContactAt", was.apply(Customer::firstContactAt), after.firstContactAt())
                .field("firstContactChannel", was.apply(Customer::firstContactChannel), after.firstContactChannel())
                .field("needsCompletion", was.apply(Customer::needsCompletion), after.needsCompletion())
                // Compared on the real values, written masked: a corrected phone can look the same masked.
                .changed("contacts", before != null && before.contacts().equals(after.contacts()),
                        before == null ? null : maskedContacts(before), maskedContacts(after));
    }

    private static Object maskedContacts(Customer customer) {
        return customer.contacts().stream()
                .map(c -> (c.name() + " " + c.phone().map(PersonalData::maskPhone).orElse("") + " "
                        + c.email().map(PersonalData::maskEmail).orElse("")).strip())
                .toList();
    }
}
