package dev.rapport.api.event;

import dev.rapport.api.security.UserId;

import java.time.Instant;

/**
 * Something that happened in the domain. Written in the same transaction as the change (an outbox), delivered
 * after commit at least once, in order per {@link #subjectId()}.
 */
public sealed interface DomainEvent
        permits CustomerCreated, CustomerUpdated, CustomersMerged, InteractionLogged, PurchaseRecorded, TicketCreated, TicketAssigned,
                ProgressAdded, TicketResolved, TicketReopened, TicketClosed, SlaAlarmRaised, TicketEscalated, TicketAccepted,
                AttachmentAdded, ExceptionRecorded, CollaborationRequested, CustomerMessageReceived, ReplyQueued,
                SurveyRequested, SurveyInvited, SurveyCompleted,
                FollowUpScheduled, FollowUpDue, FollowUpOverdue, FollowUpCompleted, FollowUpSkipped,
                TicketTagsChanged, ImprovementCreated, ImprovementUpdated, ImprovementVerified, ImprovementSuggested,
                ImprovementSuggestionDismissed {

    /** When the change was made, by the SDK's clock. */
    Instant occurredAt();

    /** Who made the change. */
    UserId actorId();

    /** The id of the aggregate that changed; events of one subject are delivered in order. */
    String subjectId();

    /** The event's permanent name, its simple class name, e.g. {@code TicketCreated}. */
    default String eventType() {
        return getClass().getSimpleName();
    }
}
