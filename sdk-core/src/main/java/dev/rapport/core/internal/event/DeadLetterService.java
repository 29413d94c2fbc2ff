package dev.rapport.core.internal.event;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.DeadLetter;
import dev.rapport.api.event.DeadLetters;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The dead letters of every subscriber, for admins to see and send again; each resend is audited. */
public final class DeadLetterService implements DeadLetters {
    private final Transactions transactions;
    private final Clock clock;
    private final Runnable wake;

    /** @param wake tells the delivery lanes that deliveries became due */
    public DeadLetterService(Transactions transactions, Clock clock, Runnable wake) {
        this.transactions = transactions;
        this.clock = clock;
        this.wake = wake;
    }

    @Override
    public Page<DeadLetter> list(Actor actor, Optional<String> subscriber, PageRequest page) {
        actor.require(Permission.EVENTS_ADMIN);
        var after = page.cursor().map(cursor -> id(cursor)
                .orElseThrow(() -> new ValidationException(FieldError.of("cursor", "is not a cursor this list returned"))));
        var letters = transactions.read(tx -> tx.deliveries().dead(subscriber, after, page.limit() + 1));
        if (letters.size() <= page.limit()) {
            return Page.last(letters);
        }
        var items = letters.subList(0, page.limit());
        return new Page<>(items, Optional.of(items.getLast().id()));
    }

    @Override
    public void retry(Actor actor, String id) {
        actor.require(Permission.EVENTS_ADMIN);
        long number = id(id).orElseThrow(() -> NotFoundException.of("dead letter", id));
        Instant now = clock.instant();
        boolean revived = transactions.write(tx -> {
            if (!tx.deliveries().revive(number, now)) {
                return false;
            }
            tx.audit().append(ChangeSet.create().entry("dead-letter", id, now, actor, "event.dead-letter.retried"));
            return true;
        });
        if (!revived) {
            throw NotFoundException.of("dead letter", id);
        }
        wake.run();
    }

    @Override
    public int retryAll(Actor actor, String subscriber) {
        actor.require(Permission.EVENTS_ADMIN);
        Instant now = clock.instant();
        int revived = transactions.write(tx -> {
            int count = tx.deliveries().reviveAll(subscriber, now);
            if (count > 0) {
                tx.audit().append(ChangeSet.create().added("count", count)
                        .entry("dead-letter", subscriber, now, actor, "event.dead-letter.retried-all"));
            }
            return count;
        });
        if (revived > 0) {
            wake.run();
        }
        return revived;
    }

    private static Optional<Long> id(String text) {
        try {
            long value = Long.parseLong(text);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
