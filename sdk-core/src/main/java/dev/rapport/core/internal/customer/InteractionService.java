package dev.rapport.core.internal.customer;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Interaction;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.customer.Interactions;
import dev.rapport.api.customer.NewInteraction;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.InteractionLogged;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;

/** The communication log: who talked to the customer, how, about what, and what happens next. */
public final class InteractionService implements Interactions {
    private static final int MAX_PARTICIPANTS = 20;

    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public InteractionService(Transactions transactions, Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Interaction log(Actor actor, CustomerId customer, NewInteraction request) {
        actor.require(Permission.CUSTOMER_WRITE);
        return transactions.write(tx -> log(tx, actor, customer, request));
    }

    /**
     * Logs a communication inside the caller's transaction, e.g. together with the follow-up it completes. Checks
     * every field, but not the actor's permissions: the caller decided those.
     *
     * @throws NotFoundException   for an unknown customer
     * @throws ValidationException naming every invalid field
     */
    public Interaction log(Transaction tx, Actor actor, CustomerId customer, NewInteraction request) {
        Instant now = clock.instant();
        var checks = FieldChecks.create();
        checks.require("method", request.method());
        String topic = checks.text("topic", request.topic(), 200, true);
        String content = checks.text("content", request.content(), 10_000, true);
        var initialResponse = checks.optionalText("initialResponse", request.initialResponse(), 2_000);
        var nextAction = checks.optionalText("nextAction", request.nextAction(), 2_000);
        var participants = new ArrayList<String>();
        if (request.participants().size() > MAX_PARTICIPANTS) {
            checks.add("participants", "must be at most " + MAX_PARTICIPANTS);
        }
        for (int i = 0; i < request.participants().size(); i++) {
            String participant = checks.text("participants[" + i + "]", request.participants().get(i), 100, true);
            if (participant != null) {
                participants.add(participant);
            }
        }
        // Microseconds, as stored: what is returned now equals what is read back later.
        request.at().ifPresent(t -> checks.instant("at", t));
        request.plannedCompletion().ifPresent(t -> checks.instant("plannedCompletion", t));
        Instant at = request.at().map(t -> t.truncatedTo(ChronoUnit.MICROS)).orElse(now);
        var planned = request.plannedCompletion().map(t -> t.truncatedTo(ChronoUnit.MICROS));
        if (at.isAfter(now)) {
            checks.add("at", "must not be in the future: log communications that took place");
        }
        planned.filter(p -> p.isBefore(at))
                .ifPresent(p -> checks.add("plannedCompletion", "must not be before the interaction"));
        UserId owner = request.ownerId().orElse(actor.userId());
        if (!tx.customers().exists(customer)) {
            throw NotFoundException.of("customer", customer.value());
        }
        if (request.ownerId().isPresent() && tx.users().find(owner).isEmpty()) {
            checks.add("ownerId", "is not a known user");
        }
        checks.throwIfAny();
        var interaction = new Interaction(InteractionId.of(ids.next()), customer, at, request.method(),
                participants, topic, content, initialResponse, owner, planned, nextAction,
                actor.userId(), now);
        tx.interactions().insert(interaction);
        tx.audit().append(ChangeSet.create().added("interactionId", interaction.id())
                .added("method", interaction.method()).added("topic", topic).added("ownerId", owner)
                .entry("customer", customer.value(), now, actor, "customer.interaction-logged"));
        tx.outbox().append(new InteractionLogged(interaction.id(), customer, interaction.method(), owner, now,
                actor.userId()));
        return interaction;
    }

    @Override
    public Page<Interaction> list(Actor actor, CustomerId customer, PageRequest page) {
        actor.require(Permission.CUSTOMER_READ);
        var before = page.cursor().map(c -> TimeCursor.decode(c, 1).before());
        var found = transactions.read(tx -> {
            if (!tx.customers().exists(customer)) {
                throw NotFoundException.of("customer", customer.value());
            }
            return tx.interactions().ofCustomer(customer, before, page.limit() + 1);
        });
        var items = found.stream().limit(page.limit()).toList();
        return new Page<>(items, found.size() > page.limit()
                ? Optional.of(TimeCursor.encode(items.getLast().at(), items.getLast().id().value()))
                : Optional.empty());
    }
}
