package dev.rapport.core.internal.improvement;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.event.ImprovementSuggested;
import dev.rapport.api.improvement.ImprovementSuggestion;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.SuggestionState;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.TaggedTicket;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.ticket.EscalationPeople;
import dev.rapport.core.internal.ticket.TagClusters;
import dev.rapport.core.internal.ticket.TicketCatalog;
import dev.rapport.core.internal.ticket.TicketTags;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * SPEC §6's suggestion rule: at least {@code threshold} distinct customers raising tickets of one type and tag within
 * the window suggest an improvement, once per cluster ({@code Improvements} describes when a type and tag are
 * suggested again). Runs in the transaction that opens or tags the ticket; the storage's unique key on (type, tag,
 * the suggestion followed) keeps racing transactions, on any node, to one suggestion.
 */
public final class SuggestionRule implements TagClusters {
    /** The most tickets one suggestion records at once; the cluster's first ones. */
    static final int MAX_CLUSTER = 500;

    private final SuggestionSettings settings;
    private final IdGenerator ids;
    private final TicketCatalog catalog;

    public SuggestionRule(SuggestionSettings settings, IdGenerator ids, TicketCatalog catalog) {
        this.settings = settings;
        this.ids = ids;
        this.catalog = catalog;
    }

    @Override
    public void tagged(Transaction tx, Actor actor, Ticket ticket, List<String> tags, Instant now) {
        var seen = new HashSet<String>();
        for (String tag : tags) {
            if (seen.add(TicketTags.key(tag))) {
                count(tx, actor, ticket, tag, now);
            }
        }
    }

    private void count(Transaction tx, Actor actor, Ticket ticket, String tag, Instant now) {
        Instant windowStart = now.minus(settings.window());
        var self = new TaggedTicket(ticket.id(), ticket.customerId(), ticket.createdAt());
        var latest = tx.suggestions().latest(ticket.type(), tag);
        if (latest.isPresent() && collects(latest.get(), windowStart)) {
            if (!self.openedAt().isBefore(windowStart)) {
                tx.suggestions().join(latest.get().id(), self);
            }
            return;
        }
        // After an adopted or dismissed suggestion only what was raised since counts: that cluster was dealt with.
        Instant since = latest.flatMap(ImprovementSuggestion::settledAt).filter(windowStart::isBefore)
                .orElse(windowStart);
        if (self.openedAt().isBefore(since)) {
            return;
        }
        var cluster = new LinkedHashMap<TicketId, TaggedTicket>();
        tx.tickets().tagged(ticket.type(), tag, since, MAX_CLUSTER).forEach(t -> cluster.put(t.ticketId(), t));
        // The ticket's own new tag may not be written yet (a tag change writes the ticket after this).
        cluster.putIfAbsent(self.ticketId(), self);
        var tickets = cluster.values().stream()
                .sorted(Comparator.comparing(TaggedTicket::openedAt).thenComparing(t -> t.ticketId().value()))
                .limit(MAX_CLUSTER).toList();
        var customers = List.copyOf(tickets.stream().map(TaggedTicket::customerId)
                .collect(LinkedHashSet<CustomerId>::new, LinkedHashSet::add, LinkedHashSet::addAll));
        if (customers.size() < settings.threshold()) {
            return;
        }
        var department = catalog.find(tx, ticket.type()).map(TicketType::defaultDepartment)
                .orElse(ticket.departmentId());
        var suggestion = new ImprovementSuggestion(SuggestionId.of(ids.next()), ticket.type(), tag, department,
                customers, tickets.stream().map(TaggedTicket::ticketId).toList(), SuggestionState.OPEN,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                latest.map(ImprovementSuggestion::id), now, tickets.getLast().openedAt());
        if (!tx.suggestions().insert(suggestion, tickets)) {
            // Another transaction completed the same cluster first; this ticket joins what it stored.
            tx.suggestions().latest(ticket.type(), tag).filter(s -> collects(s, windowStart))
                    .ifPresent(stored -> tx.suggestions().join(stored.id(), self));
            return;
        }
        tx.audit().append(ChangeSet.create()
                .added("ticketType", suggestion.ticketType()).added("tag", tag)
                .added("departmentId", department).added("customerIds", suggestion.customerIds())
                .added("ticketIds", suggestion.ticketIds()).added("follows", suggestion.follows())
                .entry(ImprovementService.SUGGESTION, suggestion.id().value(), now, actor, "improvement.suggested"));
        tx.outbox().append(new ImprovementSuggested(suggestion.id(), suggestion.ticketType(), tag, department,
                suggestion.customerIds(), suggestion.ticketIds(), EscalationPeople.supervisors(tx, department), now,
                actor.userId()));
    }

    /** Whether new tickets of the cluster join {@code suggestion}: it is OPEN and has not lapsed. */
    static boolean collects(ImprovementSuggestion suggestion, Instant windowStart) {
        return suggestion.state() == SuggestionState.OPEN && !suggestion.lastTicketAt().isBefore(windowStart);
    }
}
