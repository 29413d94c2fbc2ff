package dev.rapport.core.internal.event;

import dev.rapport.api.event.CollaborationRequested;
import dev.rapport.api.event.CustomerMessageReceived;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.FollowUpDue;
import dev.rapport.api.event.FollowUpOverdue;
import dev.rapport.api.event.FollowUpScheduled;
import dev.rapport.api.event.ImprovementCreated;
import dev.rapport.api.event.ImprovementSuggested;
import dev.rapport.api.event.ImprovementUpdated;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.SurveyCompleted;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketEscalated;
import dev.rapport.api.event.TicketReopened;
import dev.rapport.api.event.TicketResolved;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.notify.Recipient;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The people a notification is for: the users an event names, as they are now. Users only — employees; a customer's
 * contact details never go into a notification (SPEC §2). A ticket's resolution and reopening are also for its intake
 * owner, looked up when the notification is made (issue 16: the front line that filed it answers the customer).
 */
final class Recipients {
    private Recipients() {
    }

    /** The users {@code event} names, in the order it names them, each once. */
    static List<UserId> named(DomainEvent event) {
        List<UserId> ids = switch (event) {
            case SlaAlarmRaised alarm -> alarm.recipients();
            case TicketEscalated escalated -> escalated.recipients();
            case CollaborationRequested request -> request.recipients();
            case TicketAssigned assigned -> assigned.assigneeId().stream().toList();
            case CustomerMessageReceived message -> message.assigneeId().stream().toList();
            case SurveyCompleted completed -> completed.recipients();
            case FollowUpScheduled scheduled -> scheduled.recipients();
            case FollowUpDue due -> List.of(due.ownerId());
            case FollowUpOverdue overdue -> List.of(overdue.ownerId());
            case ImprovementSuggested suggested -> suggested.recipients();
            case ImprovementCreated created -> List.of(created.ownerId());
            case ImprovementUpdated updated -> updated.handedTo().stream().toList();
            default -> List.of();
        };
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** Whether the event is for anyone: it names users, or it is for the intake owner of its ticket. */
    static boolean any(DomainEvent event) {
        return !named(event).isEmpty() || forIntakeOwner(event).isPresent();
    }

    /** The ticket of an event its intake owner is told of. */
    private static Optional<TicketId> forIntakeOwner(DomainEvent event) {
        return switch (event) {
            case TicketResolved resolved -> Optional.of(resolved.ticketId());
            case TicketReopened reopened -> Optional.of(reopened.ticketId());
            default -> Optional.empty();
        };
    }

    /** The named users and the intake owner the event is for, who exist and are active, with address and language. */
    static List<Recipient> of(DomainEvent event, Transaction tx) {
        var ids = new LinkedHashSet<>(named(event));
        forIntakeOwner(event).flatMap(ticket -> tx.tickets().find(ticket)).flatMap(Ticket::intakeOwner)
                .ifPresent(owner -> ids.add(owner.userId()));
        return ids.stream()
                .map(id -> tx.users().find(id))
                .flatMap(Optional::stream)
                .filter(User::active)
                .map(user -> new Recipient(user.id(), user.name(), user.email(), user.locale()))
                .toList();
    }
}
