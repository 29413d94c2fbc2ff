package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;

/**
 * An SLA deadline of a ticket came near (WARNING, at 80 % of the target) or passed (BREACH). Raised once per
 * deadline, on one node only.
 *
 * @param recipients who is to be told: the assignee for warnings and missed customer updates, the department's
 *                   supervisors for other breaches; for every breach also the ticket's intake owner, the front line
 *                   that answers the customer's calls
 */
public record SlaAlarmRaised(TicketId ticketId, String number, SlaTarget target, SlaAlarm alarm, Instant due,
                             List<UserId> recipients, Instant occurredAt, UserId actorId) implements DomainEvent {
    public SlaAlarmRaised {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
