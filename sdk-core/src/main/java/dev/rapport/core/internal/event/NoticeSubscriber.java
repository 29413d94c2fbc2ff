package dev.rapport.core.internal.event;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.TicketReopened;
import dev.rapport.api.event.TicketResolved;
import dev.rapport.api.notice.NoticeType;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.storage.NewNotice;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Users' in-app notices as a subscriber (issue 16): a ticket's resolution, reopening and SLA breach become a notice
 * for its intake owner and its assignee, unless they did it themselves. Delivered at least once like every
 * subscriber's events; the notices are kept once per user and event position, so a redelivery adds nothing. They are
 * written on the lane's thread ({@link #settle}), never in the time box, where an interrupt could break the storage.
 */
final class NoticeSubscriber implements Subscriber {
    /** The permanent name: a dot never occurs in a notifier's kebab-case name. */
    static final String NAME = "rapport.notices";

    private final DeliveryPolicy policy;

    NoticeSubscriber(DeliveryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryPolicy policy() {
        return policy;
    }

    @Override
    public boolean concerns(DomainEvent event) {
        return type(event).isPresent();
    }

    @Override
    public boolean interruptible() {
        return true;
    }

    @Override
    public Callable<Delivery> call(PendingDelivery delivery, Storage storage) {
        var type = type(delivery.event());
        if (type.isEmpty()) {
            return Delivery::delivered;
        }
        var notices = storage.inTransaction(tx -> notices(tx, delivery, type.get()));
        return new Prepared(notices);
    }

    @Override
    public Delivery settle(PendingDelivery delivery, Callable<Delivery> call, Delivery delivered, Storage storage) {
        if (call instanceof Prepared prepared && !prepared.notices.isEmpty()) {
            storage.inTransaction(tx -> {
                prepared.notices.forEach(tx.notices()::insertIfAbsent);
                return null;
            });
        }
        return delivered;
    }

    @Override
    public String safe(String text) {
        return SafeText.of(text, List.of());
    }

    @Override
    public void close() {
        // Holds nothing.
    }

    /** What kind of notice the event makes, if any: only breaches among the SLA alarms. */
    private static Optional<NoticeType> type(DomainEvent event) {
        return switch (event) {
            case TicketResolved ignored -> Optional.of(NoticeType.TICKET_RESOLVED);
            case TicketReopened ignored -> Optional.of(NoticeType.TICKET_REOPENED);
            case SlaAlarmRaised alarm when alarm.alarm() == SlaAlarm.BREACH -> Optional.of(NoticeType.SLA_BREACHED);
            default -> Optional.empty();
        };
    }

    private static TicketId ticketOf(DomainEvent event) {
        return switch (event) {
            case TicketResolved resolved -> resolved.ticketId();
            case TicketReopened reopened -> reopened.ticketId();
            case SlaAlarmRaised alarm -> alarm.ticketId();
            default -> throw new IllegalArgumentException("no notice of " + event.getClass().getSimpleName());
        };
    }

    /** The notices of the event: for the ticket's intake owner and assignee as they are now, if active users. */
    private static List<NewNotice> notices(Transaction tx, PendingDelivery delivery, NoticeType type) {
        var event = delivery.event();
        Optional<Ticket> found = tx.tickets().find(ticketOf(event));
        if (found.isEmpty()) {
            return List.of();
        }
        var ticket = found.get();
        var people = new LinkedHashSet<UserId>();
        ticket.intakeOwner().map(IntakeOwner::userId).ifPresent(people::add);
        ticket.assigneeId().ifPresent(people::add);
        // Nobody needs telling of what they did themselves.
        people.remove(event.actorId());
        return people.stream()
                .map(id -> tx.users().find(id))
                .flatMap(Optional::stream)
                .filter(User::active)
                .map(user -> new NewNotice(user.id(), delivery.position(), type, ticket.id(), ticket.number(),
                        ticket.title(), event.occurredAt()))
                .toList();
    }

    /** The call of one delivery: nothing to do in the time box; it holds the notices for {@link #settle}. */
    private record Prepared(List<NewNotice> notices) implements Callable<Delivery> {
        @Override
        public Delivery call() {
            return Delivery.delivered();
        }
    }
}
