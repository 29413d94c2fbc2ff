package dev.rapport.core.internal.customer;

import dev.rapport.api.Money;
import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.CustomersMerged;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merging a duplicate customer into a survivor (SPEC §3): everything the duplicate had moves over in one transaction,
 * so that nothing is lost and nothing is half-moved; the duplicate stays as a pointer to the survivor.
 */
public final class CustomerMerge {
    private final Transactions transactions;
    private final Clock clock;
    private final PurchaseService purchases;

    public CustomerMerge(Transactions transactions, Clock clock, PurchaseService purchases) {
        this.transactions = transactions;
        this.clock = clock;
        this.purchases = purchases;
    }

    /** @throws ConflictException {@code customer.merged} for a customer merged into another: it takes no changes */
    static void requireNotMerged(Customer customer) {
        customer.mergedInto().ifPresent(survivor -> {
            throw ConflictException.of("customer.merged",
                    "Customer " + customer.code() + " was merged into another customer and takes no changes");
        });
    }

    Customer merge(Actor actor, CustomerId survivorId, CustomerId duplicateId) {
        actor.require(Permission.CUSTOMER_MERGE);
        if (survivorId.equals(duplicateId)) {
            throw new ValidationException(FieldError.of("duplicateId", "must be another customer than the survivor"));
        }
        return transactions.write(tx -> {
            Customer survivor = find(tx, survivorId);
            Customer duplicate = find(tx, duplicateId);
            if (duplicate.mergedInto().filter(survivorId::equals).isPresent()) {
                return survivor;
            }
            requireNotMerged(survivor);
            requireNotMerged(duplicate);
            var total = sum(total(tx, survivorId), total(tx, duplicateId));
            Instant now = clock.instant();
            int tickets = tx.tickets().moveCustomer(duplicateId, survivorId);
            int interactions = tx.interactions().moveCustomer(duplicateId, survivorId);
            int purchased = tx.purchases().moveCustomer(duplicateId, survivorId);
            int followUps = tx.followUps().moveCustomer(duplicateId, survivorId);

            // The duplicate gives up its contacts before the survivor takes them: a contact belongs to one customer.
            var pointer = duplicate.toBuilder().contacts(List.of()).mergedInto(survivorId).updatedAt(now)
                    .version(duplicate.version() + 1).build();
            var contacts = new ArrayList<Contact>(survivor.contacts());
            contacts.addAll(duplicate.contacts());
            var merged = survivor.toBuilder().contacts(contacts).updatedAt(now).version(survivor.version() + 1).build();
            if (!tx.customers().update(pointer, duplicate.version()) || !tx.customers().update(merged, survivor.version())) {
                throw ConflictException.of("customer.version.stale", "A customer changed during the merge; retry it");
            }
            tx.audit().append(ChangeSet.create().added("mergedFrom", duplicate.code()).added("tickets", tickets)
                    .added("interactions", interactions).added("purchases", purchased).added("followUps", followUps)
                    .added("contacts", duplicate.contacts().size())
                    .entry("customer", survivorId.value(), now, actor, "customer.merged"));
            tx.audit().append(ChangeSet.create().added("mergedInto", survivor.code())
                    .entry("customer", duplicateId.value(), now, actor, "customer.merged-into"));
            tx.outbox().append(new CustomersMerged(survivorId, duplicateId, tickets, interactions, purchased,
                    duplicate.contacts().size(), now, actor.userId()));
            total.ifPresent(sum -> purchases.becomeKeyAccountIfDue(tx, merged, sum, actor, now));
            return find(tx, survivorId);
        });
    }

    private static Customer find(Transaction tx, CustomerId id) {
        return tx.customers().find(id).orElseThrow(() -> NotFoundException.of("customer", id.value()));
    }

    private static Optional<Money> total(Transaction tx, CustomerId customer) {
        return tx.purchases().totals(customer).stream().findFirst();
    }

    /** The merged total; refused when the two bought in different currencies, which are never added. */
    private static Optional<Money> sum(Optional<Money> survivor, Optional<Money> duplicate) {
        if (survivor.isPresent() && duplicate.isPresent()
                && !survivor.get().currency().equals(duplicate.get().currency())) {
            throw ConflictException.of("customer.merge.currency", "The customers' purchases are in "
                    + survivor.get().currency() + " and " + duplicate.get().currency() + "; they cannot be merged");
        }
        return survivor.isPresent() && duplicate.isPresent()
                ? Optional.of(survivor.get().plus(duplicate.get())) : survivor.or(() -> duplicate);
    }
}
