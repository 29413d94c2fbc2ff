package dev.rapport.core.internal.customer;

import dev.rapport.api.Money;
import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.NewPurchase;
import dev.rapport.api.customer.Purchase;
import dev.rapport.api.customer.PurchaseId;
import dev.rapport.api.customer.Purchases;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.event.CustomerUpdated;
import dev.rapport.api.event.PurchaseRecorded;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Purchases recorded by the host application, and SPEC §3's key-account rule: a customer whose cumulative purchases
 * reach the threshold becomes a key account, in the same transaction as the purchase that got it there.
 */
public final class PurchaseService implements Purchases {
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final IdGenerator ids;
    private final Money keyAccountThreshold;

    public PurchaseService(Transactions transactions, Clock clock, ZoneId zone, IdGenerator ids,
                           Money keyAccountThreshold) {
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
        this.ids = ids;
        this.keyAccountThreshold = keyAccountThreshold;
    }

    @Override
    public Purchase record(Actor actor, CustomerId customerId, NewPurchase request) {
        actor.require(Permission.CUSTOMER_WRITE);
        Instant now = clock.instant();
        var checks = FieldChecks.create();
        checks.date("date", checks.require("date", request.date()));
        if (request.date() != null && request.date().isAfter(now.atZone(zone).toLocalDate())) {
            checks.add("date", "must not be in the future");
        }
        var currency = currency(request.currency(), checks);
        checks.require("amount", request.amount());
        if (request.amount() != null) {
            if (request.amount().signum() <= 0 || request.amount().compareTo(MAX_AMOUNT) >= 0) {
                checks.add("amount", "must be more than 0 and less than " + MAX_AMOUNT.toPlainString());
            } else if (currency != null && currency.getDefaultFractionDigits() >= 0
                    && request.amount().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                checks.add("amount", "must have at most " + currency.getDefaultFractionDigits() + " decimals in " + currency);
            }
        }
        return transactions.write(tx -> {
            Customer customer = tx.customers().find(customerId)
                    .orElseThrow(() -> NotFoundException.of("customer", customerId.value()));
            CustomerMerge.requireNotMerged(customer);
            var earlier = cumulative(tx, customerId);
            earlier.filter(total -> currency != null && !total.currency().equals(currency)).ifPresent(total ->
                    checks.add("currency", "must be " + total.currency() + ", the currency of this customer's purchases"));
            checks.throwIfAny();
            var amount = new Money(request.amount(), currency);
            var purchase = new Purchase(PurchaseId.of(ids.next()), customerId, request.date(), amount, actor.userId(), now);
            tx.purchases().insert(purchase);
            Money total = earlier.map(e -> e.plus(amount)).orElse(amount);
            tx.audit().append(ChangeSet.create().added("purchaseId", purchase.id()).added("date", purchase.date())
                    .added("amount", amount).field("cumulative", earlier, total)
                    .entry("customer", customerId.value(), now, actor, "customer.purchase-recorded"));
            tx.outbox().append(new PurchaseRecorded(purchase.id(), customerId, purchase.date(), amount, total, now,
                    actor.userId()));
            becomeKeyAccountIfDue(tx, customer, total, actor, now);
            return purchase;
        });
    }

    @Override
    public Page<Purchase> list(Actor actor, CustomerId customer, PageRequest page) {
        actor.require(Permission.CUSTOMER_READ);
        var before = page.cursor().map(c -> TimeCursor.decode(c, 1).before());
        var found = transactions.read(tx -> {
            requireCustomer(tx, customer);
            return tx.purchases().ofCustomer(customer, before, page.limit() + 1, zone);
        });
        var items = found.stream().limit(page.limit()).toList();
        return new Page<>(items, found.size() > page.limit()
                ? Optional.of(TimeCursor.encode(at(items.getLast()), items.getLast().id().value()))
                : Optional.empty());
    }

    @Override
    public Optional<Money> cumulative(Actor actor, CustomerId customer) {
        actor.require(Permission.CUSTOMER_READ);
        return transactions.read(tx -> {
            requireCustomer(tx, customer);
            return cumulative(tx, customer);
        });
    }

    /** Where a purchase stands in time: the start of its day in the business zone. */
    Instant at(Purchase purchase) {
        return purchase.date().atStartOfDay(zone).toInstant();
    }

    private static Optional<Money> cumulative(Transaction tx, CustomerId customer) {
        // One currency per customer is enforced on recording, so there is at most one total.
        return tx.purchases().totals(customer).stream().findFirst();
    }

    /** SPEC §3: cumulative purchases at the threshold make a key account; called whenever a total grows. */
    void becomeKeyAccountIfDue(Transaction tx, Customer customer, Money total, Actor actor, Instant now) {
        if (customer.keyAccount() || !total.currency().equals(keyAccountThreshold.currency())
                || !total.isAtLeast(keyAccountThreshold)) {
            return;
        }
        var next = customer.toBuilder().keyAccount(true).updatedAt(now).version(customer.version() + 1).build();
        if (!tx.customers().update(next, customer.version())) {
            throw ConflictException.staleVersion("customer", customer.id().value(), customer.version(),
                    customer.version() + 1);
        }
        tx.audit().append(ChangeSet.create().field("keyAccount", false, true)
                .entry("customer", customer.id().value(), now, actor, "customer.updated"));
        tx.outbox().append(new CustomerUpdated(customer.id(), next.version(), now, actor.userId()));
    }

    private static void requireCustomer(Transaction tx, CustomerId customer) {
        if (!tx.customers().exists(customer)) {
            throw NotFoundException.of("customer", customer.value());
        }
    }

    private static Currency currency(String code, FieldChecks checks) {
        if (code == null || code.isBlank()) {
            checks.add("currency", "is required, an ISO 4217 code such as CNY");
            return null;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            checks.add("currency", "must be an ISO 4217 code such as CNY");
            return null;
        }
    }
}
