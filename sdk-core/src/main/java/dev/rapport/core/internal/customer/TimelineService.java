package dev.rapport.core.internal.customer;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerTimeline;
import dev.rapport.api.customer.TimelineEntry;
import dev.rapport.api.customer.TimelineEntry.Kind;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.storage.Before;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.ticket.TicketAccess;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;

/**
 * The customer 360° timeline: each source (tickets, interactions, purchases, follow-ups) pages newest first on its own
 * index; a page of the timeline merges one page of each. The cursor is the last entry's (time, kind, id), so every
 * source knows where to continue.
 */
public final class TimelineService implements CustomerTimeline {
    /** Newest first; at the same instant by kind, then newest id first. */
    static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at).reversed()
            .thenComparing(TimelineEntry::kind)
            .thenComparing(Comparator.comparing(TimelineEntry::refId).reversed());

    private final Transactions transactions;
    private final ZoneId zone;

    public TimelineService(Transactions transactions, ZoneId zone) {
        this.transactions = transactions;
        this.zone = zone;
    }

    @Override
    public Page<TimelineEntry> of(Actor actor, CustomerId customer, PageRequest page) {
        actor.require(Permission.CUSTOMER_READ);
        var cursor = page.cursor().map(c -> TimeCursor.decode(c, 2));
        cursor.ifPresent(c -> kindOf(c.parts()[0]));
        boolean tickets = actor.has(Permission.TICKET_READ) || actor.has(Permission.TICKET_READ_ALL);
        boolean followUps = actor.has(Permission.FOLLOW_UP_WORK) || actor.has(Permission.FOLLOW_UP_WORK_DEPARTMENT)
                || actor.has(Permission.FOLLOW_UP_WORK_ALL);
        int n = page.limit() + 1;
        var entries = transactions.read(tx -> {
            if (!tx.customers().exists(customer)) {
                throw NotFoundException.of("customer", customer.value());
            }
            var merged = new ArrayList<TimelineEntry>();
            if (tickets) {
                // Every ticket of the customer is on the timeline; one the reader may not open without its text.
                tx.tickets().ofCustomer(customer, bound(cursor, Kind.TICKET), n).forEach(t -> merged.add(
                        new TimelineEntry(t.createdAt(), Kind.TICKET, t.id().value(), TicketAccess.mayRead(tx, actor, t)
                                ? TimelineSummaries.of(t) : TimelineSummaries.withheld(t))));
            }
            tx.interactions().ofCustomer(customer, bound(cursor, Kind.INTERACTION), n).forEach(i -> merged.add(
                    new TimelineEntry(i.at(), Kind.INTERACTION, i.id().value(), TimelineSummaries.of(i))));
            tx.purchases().ofCustomer(customer, bound(cursor, Kind.PURCHASE), n, zone).forEach(p -> merged.add(
                    new TimelineEntry(p.date().atStartOfDay(zone).toInstant(), Kind.PURCHASE, p.id().value(),
                            TimelineSummaries.of(p))));
            if (followUps) {
                tx.followUps().ofCustomer(customer, bound(cursor, Kind.FOLLOW_UP), n).forEach(f -> merged.add(
                        new TimelineEntry(f.dueAt(), Kind.FOLLOW_UP, f.id().value(), TimelineSummaries.of(f))));
            }
            return merged;
        });
        entries.sort(ORDER);
        var items = entries.stream().limit(page.limit()).toList();
        return new Page<>(items, entries.size() > page.limit()
                ? Optional.of(TimeCursor.encode(items.getLast().at(), items.getLast().kind().name(), items.getLast().refId()))
                : Optional.empty());
    }

    /**
     * Where the source of {@code kind} continues after the cursor's entry: kinds ordered after the cursor's still
     * include its instant, the cursor's own kind continues below its id, earlier kinds start before its instant.
     */
    private static Optional<Before> bound(Optional<TimeCursor.Decoded> cursor, Kind kind) {
        return cursor.map(c -> {
            int order = kind.compareTo(kindOf(c.parts()[0]));
            if (order > 0) {
                // Stored times are whole microseconds: "before at + 1 µs" is "at or before at".
                return new Before(c.at().plus(1, ChronoUnit.MICROS), "");
            }
            return order == 0 ? new Before(c.at(), c.parts()[1]) : new Before(c.at(), "");
        });
    }

    private static Kind kindOf(String name) {
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("cursor", "is not a cursor this list returned"));
        }
    }
}
