package dev.rapport.api.ticket;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

import java.util.List;

/**
 * Service requests from intake to closure (SPEC §4). Every change is audited and emits a domain event in the same
 * transaction. Commands carry the version they read: a stale one gets {@link ConflictException}, as does any move
 * the state machine does not allow; CLOSED tickets are read-only.
 *
 * <p>Actors need {@code ticket.work} and the ticket must be in their department or assigned to them, unless they
 * hold {@code ticket.work.all}; otherwise {@link ForbiddenException}. Unknown ids get {@link NotFoundException}.
 */
public interface Tickets {
    /**
     * Opens a ticket: priority from the matrix, routed to the type's default department, SLA deadlines set.
     * Needs {@code ticket.create}.
     *
     * @throws ValidationException naming every invalid field; nothing is stored
     */
    Ticket open(Actor actor, OpenTicket request);

    /**
     * Every problem {@link #open} would report for {@code request}, without storing anything; for forms that check
     * before they submit. Needs {@code ticket.create}.
     */
    List<FieldError> validate(Actor actor, OpenTicket request);

    /**
     * The ticket with everything recorded on it: progress, confirmations, exceptions, collaboration requests,
     * watchers and, for a CHANGE_REQUEST, its trail of requirement changes. Needs {@code ticket.read} for it; a
     * watcher of the ticket may read it although it is neither in their department nor assigned to them. Its intake
     * owner, and holders of {@code ticket.read.front-line} whose {@link FrontLine} serves its customer, get the
     * {@link TicketView#CUSTOMER_VISIBLE} view of a ticket otherwise out of their reach, and a
     * {@link dev.rapport.api.error.ForbiddenException} ({@code ticket.customer-visible-only}) from every other
     * operation on it.
     */
    TicketDetails get(Actor actor, TicketId id);

    /**
     * Tickets matching the filter that the actor may see, newest first. With {@code servedBy} the actor's own front
     * line and {@code ticket.read.front-line}, every ticket of the customers it serves, wherever routed.
     */
    Page<Ticket> list(Actor actor, TicketFilter filter, PageRequest page);

    /**
     * Assigns, reassigns or redirects. Assigning someone else or another department needs {@code ticket.assign};
     * an actor with {@code ticket.work} may take a ticket of their own department.
     */
    Ticket assign(Actor actor, TicketId id, AssignTicket command);

    /**
     * Escalates one level by hand (SPEC §4: front line → the department's experts → its supervisors), telling the
     * people of the new level.
     *
     * @throws ConflictException with code {@code ticket.escalation.top} when the ticket is already with management
     */
    Ticket escalate(Actor actor, TicketId id, EscalateTicket command);

    /**
     * An expert of the ticket's department takes an escalated ticket and owns it to closure (first-ask ownership):
     * afterwards only a supervisor ({@code ticket.reassign.owned}) may reassign it. Needs {@code ticket.accept}.
     *
     * @throws ConflictException with code {@code ticket.accept.not-escalated} when the ticket is not escalated
     */
    Ticket accept(Actor actor, TicketId id);

    /** Records progress; the first customer-visible entry is the first response. */
    Ticket addProgress(Actor actor, TicketId id, AddProgress command);

    /**
     * Records an exception (SPEC §4): what got in the way and what the customer was told. A {@code newEta} is the
     * new resolution time agreed with the customer: the ticket's resolution deadline moves there.
     *
     * @throws ValidationException naming every missing or invalid field, {@code newEta} when it is not in the future
     */
    Ticket recordException(Actor actor, TicketId id, RecordException command);

    /**
     * Asks another department for help with the ticket, recorded on it and announced to that department's people
     * (a {@code CollaborationRequested} event). Does not change the ticket itself, so it carries no version; the
     * ticket must not be CLOSED.
     *
     * @return the recorded request
     * @throws ValidationException naming {@code departmentId} when it is unknown or the ticket's own department,
     *                             and {@code request} when it is missing
     */
    CollaborationRequest requestCollaboration(Actor actor, TicketId id, RequestCollaboration command);

    /**
     * Replaces the ticket's tags; audited and announced as {@code TicketTagsChanged}. Each tag the ticket gains may
     * complete a cluster of tickets of its type and tag, which suggests an improvement (see
     * {@code Improvements}).
     *
     * @throws ValidationException naming {@code tags} when there are more than 10, or one is blank, longer than 40
     *                             characters or holds control characters
     */
    Ticket tag(Actor actor, TicketId id, TagTicket command);

    /** Moves the ticket to RESOLVED with its solution. */
    Ticket resolve(Actor actor, TicketId id, ResolveTicket command);

    /** Records the customer's answer: SATISFIED closes, the others reopen. */
    Ticket confirm(Actor actor, TicketId id, ConfirmResolution command);

    /**
     * Closes a resolved ticket whose latest confirmation is SATISFIED.
     *
     * @throws ConflictException with code {@code ticket.close.unconfirmed} without that confirmation
     */
    Ticket close(Actor actor, TicketId id);

    /** The ticket's audit trail, oldest first. Needs {@code ticket.read} for it. */
    List<AuditEntry> history(Actor actor, TicketId id);
}
