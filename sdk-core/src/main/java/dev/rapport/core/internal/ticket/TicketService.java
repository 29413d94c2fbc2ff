package dev.rapport.core.internal.ticket;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.ProgressAdded;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.event.TicketReopened;
import dev.rapport.api.event.TicketResolved;
import dev.rapport.api.event.TicketTagsChanged;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Counter;
import dev.rapport.api.spi.storage.TicketQuery;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CollaborationId;
import dev.rapport.api.ticket.CollaborationRequest;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.EscalateTicket;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ProgressEntry;
import dev.rapport.api.ticket.RecordException;
import dev.rapport.api.ticket.RequestCollaboration;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.TagTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketDetails;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.api.ticket.TicketView;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.Tickets;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.routing.TicketRouter;
import dev.rapport.core.internal.sla.SlaClock;
import dev.rapport.core.internal.sla.SlaSettingsService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.rapport.api.ticket.TicketStatus.*;

/** Tickets from intake to closure: every change checked, audited and announced in one transaction. */
public final class TicketService implements Tickets {
    private static final EnumSet<TicketStatus> PROGRESS_STATUSES = EnumSet.of(IN_PROGRESS, WAITING_CUSTOMER, WAITING_INTERNAL);

    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final IdGenerator ids;
    private final SlaSettingsService sla;
    private final TicketRouter router;
    private final TicketChanges writer;
    private final TicketCatalog catalog;
    private final AutoAssignment assignment;
    private final CustomerReplies replies;
    private final AfterClosure afterClosure;
    private final AfterResolution afterResolution;
    private final TagClusters clusters;

    public TicketService(Transactions transactions, Clock clock, ZoneId zone, IdGenerator ids, SlaSettingsService sla,
                         TicketRouter router, AutoAssignment assignment, TicketCatalog catalog,
                         CustomerReplies replies, AfterClosure afterClosure, AfterResolution afterResolution,
                         TagClusters clusters) {
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
        this.ids = ids;
        this.sla = sla;
        this.router = router;
        this.assignment = assignment;
        this.catalog = catalog;
        this.replies = replies;
        this.afterClosure = afterClosure;
        this.afterResolution = afterResolution;
        this.clusters = clusters;
        this.writer = new TicketChanges(transactions, clock);
    }

    @Override
    public Ticket open(Actor actor, OpenTicket request) {
        actor.require(Permission.TICKET_CREATE);
        return transactions.write(tx -> open(tx, actor, request));
    }

    /** Opens a ticket inside the caller's transaction, e.g. together with the customer message that asks for it. */
    public Ticket open(Transaction tx, Actor actor, OpenTicket request) {
        actor.require(Permission.TICKET_CREATE);
        var type = type(tx, request);
        var errors = problems(tx, request, type);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        var priority = TicketRules.priority(request).orElseThrow();
        var agreed = request.planDate().map(date -> date.plusDays(1).atStartOfDay(zone).toInstant());
        String number = "T" + now.atZone(zone).getYear() + "%06d".formatted(tx.next(Counter.TICKET_NUMBER));
        var department = router.route(type.get());
        var assignee = assignment.choose(tx, department);
        var status = assignee.isPresent() ? ASSIGNED : NEW;
        var tags = TicketTags.checked(request.tags(), FieldChecks.create());
        var ticket = Ticket.builder().id(TicketId.of(ids.next())).number(number).customerId(request.customerId())
                .contactId(request.contactId()).type(type.get().code())
                .title(request.title().map(String::strip).filter(t -> !t.isEmpty()))
                .description(request.description().strip()).priority(priority)
                .urgent(PriorityMatrix.urgent(priority)).important(PriorityMatrix.important(priority))
                .channel(request.channel().orElse(IntakeChannel.OTHER)).status(status).departmentId(department)
                .assigneeId(assignee).escalation(EscalationLevel.FRONT_LINE)
                .sla(SlaClock.start(sla.rules(tx), priority, now, agreed)).relatedTicketIds(request.relatedTicketIds())
                .tags(tags).createdBy(actor.userId()).intakeOwner(intakeOwner(actor)).createdAt(now).updatedAt(now)
                .build();
        var changes = ChangeSet.create()
                .added("status", status).added("type", ticket.type()).added("priority", priority)
                .added("departmentId", ticket.departmentId()).added("assigneeId", assignee)
                .added("customerId", ticket.customerId())
                .added("intakeOwnerId", ticket.intakeOwner().map(IntakeOwner::userId).orElse(null))
                .added("tags", tags.isEmpty() ? null : tags);
        var events = new ArrayList<DomainEvent>(2);
        events.add(new TicketCreated(ticket.id(), number, ticket.customerId(), ticket.type(), priority,
                ticket.departmentId(), now, actor.userId()));
        if (assignee.isPresent()) {
            // The department's assignment mode chose someone: tell them as any assignment would.
            events.add(new TicketAssigned(ticket.id(), department, assignee, now, actor.userId()));
        }
        var opened = TicketChanges.open(tx, actor, new TicketChanges.Outcome(ticket.toBuilder(), changes, events)
                .then((t, written, at) -> {
                    Watchers.onOpen(t, written, actor);
                    clusters.tagged(t, actor, written, tags, at);
                    return List.of();
                }), now);
        return SlaClock.evaluated(opened, now);
    }

    /**
     * The user who files a ticket owns its intake; the host itself ({@link Actor#system()}) and channels, which act as
     * the system, are no one to tell.
     */
    private static Optional<IntakeOwner> intakeOwner(Actor actor) {
        return actor.isSystem() ? Optional.empty() : Optional.of(new IntakeOwner(actor.userId(), actor.departmentId()));
    }

    /**
     * The ticket, inside the caller's transaction, if the actor may read it.
     *
     * @throws NotFoundException  when there is no such ticket
     * @throws ForbiddenException when the actor may not read it
     */
    public Ticket readable(Transaction tx, Actor actor, TicketId id) {
        var ticket = TicketChanges.find(tx, id);
        TicketAccess.requireRead(tx, actor, ticket);
        return ticket;
    }

    /**
     * The ticket, inside the caller's transaction, if the actor may work it (closed or not).
     *
     * @throws NotFoundException  when there is no such ticket
     * @throws ForbiddenException when the actor may not work it
     */
    public Ticket workable(Transaction tx, Actor actor, TicketId id) {
        var ticket = readable(tx, actor, id);
        TicketAccess.requireWork(actor, ticket);
        return ticket;
    }

    /**
     * The customer wrote again on the ticket, inside the caller's transaction: a ticket waiting for the customer goes
     * back in progress, its SLA clocks running again; any other stays as it is.
     */
    public Ticket customerWrote(Transaction tx, Actor actor, Ticket current, Instant now) {
        if (current.status() != WAITING_CUSTOMER) {
            return current;
        }
        var dues = SlaClock.resume(sla.rules(tx), current.sla(), now);
        var changes = ChangeSet.create()
                .field("status", current.status(), IN_PROGRESS)
                .field("paused", current.sla().paused(), dues.paused())
                .field("running", current.sla().running(), dues.running());
        var outcome = new TicketChanges.Outcome(current.toBuilder().status(IN_PROGRESS).sla(dues), changes, List.of());
        return SlaClock.evaluated(TicketChanges.apply(tx, actor, current, "ticket.customer-wrote", outcome, now), now);
    }

    @Override
    public List<FieldError> validate(Actor actor, OpenTicket request) {
        actor.require(Permission.TICKET_CREATE);
        return transactions.read(tx -> problems(tx, request, type(tx, request)));
    }

    private Optional<TicketType> type(Transaction tx, OpenTicket request) {
        return request.type() == null || request.type().isBlank() ? Optional.empty()
                : catalog.find(tx, request.type().strip());
    }

    /** The request's own problems, then those of what it refers to: customer, contact, type, related tickets. */
    private List<FieldError> problems(Transaction tx, OpenTicket request, Optional<TicketType> type) {
        var errors = new ArrayList<>(TicketRules.check(request, LocalDate.now(clock.withZone(zone))));
        errors.addAll(referenceErrors(tx, request, type.isPresent()));
        return errors;
    }

    @Override
    public TicketDetails get(Actor actor, TicketId id) {
        return transactions.read(tx -> {
            var ticket = TicketChanges.find(tx, id);
            var evaluated = SlaClock.evaluated(ticket, clock.instant());
            if (TicketAccess.requireView(tx, actor, ticket) == TicketView.CUSTOMER_VISIBLE) {
                return TicketDetails.customerVisible(evaluated, tx.tickets().progress(id), tx.tickets().confirmations(id));
            }
            return new TicketDetails(evaluated, tx.tickets().progress(id),
                    tx.tickets().confirmations(id), tx.ticketExceptions().of(id), tx.collaborations().of(id),
                    tx.watchers().of(id), RequirementTrail.of(tx, ticket), TicketView.FULL);
        });
    }

    @Override
    public Page<Ticket> list(Actor actor, TicketFilter filter, PageRequest page) {
        var scope = TicketAccess.readScope(actor, filter);
        var after = page.cursor().map(c -> TicketCursor.parse(c, filter.sla().isPresent()));
        Instant now = clock.instant();
        var found = transactions.read(tx -> tx.tickets().list(new TicketQuery(filter, scope,
                after.map(TicketCursor::id), after.flatMap(TicketCursor::due), now, page.limit() + 1)));
        var items = found.stream().limit(page.limit()).map(t -> SlaClock.evaluated(t, now)).toList();
        return new Page<>(items, found.size() > page.limit()
                ? Optional.of(TicketCursor.of(items.getLast(), filter.sla().isPresent())) : Optional.empty());
    }

    @Override
    public Ticket assign(Actor actor, TicketId id, AssignTicket command) {
        if (command.departmentId().isEmpty() && command.assigneeId().isEmpty()) {
            throw new ValidationException(FieldError.of("assigneeId", "give an assigneeId, a departmentId or both"));
        }
        return writer.change(actor, id, command.version(), "ticket.assigned",
                current -> requireMayAssign(actor, current, command), (tx, current, now) -> {
            DepartmentId department = command.departmentId().orElse(current.departmentId());
            var checks = FieldChecks.create();
            if (tx.departments().find(department).isEmpty()) {
                checks.add("departmentId", "is not a known department");
            }
            command.assigneeId().ifPresent(assignee -> tx.users().find(assignee).ifPresentOrElse(
                    user -> {
                        if (!user.active()) {
                            checks.add("assigneeId", "is not an active user");
                        } else if (!user.departmentId().filter(department::equals).isPresent()) {
                            checks.add("assigneeId", "is not a member of department " + department);
                        }
                    },
                    () -> checks.add("assigneeId", "is not a known user")));
            checks.throwIfAny();
            // With an assignee a NEW ticket becomes ASSIGNED and others keep their status; without one the ticket
            // goes back to the department's queue, which the lifecycle allows only before work started.
            TicketStatus status = command.assigneeId().isEmpty() ? NEW
                    : current.status() == NEW ? ASSIGNED : current.status();
            if (status != current.status()) {
                TicketLifecycle.requireTransition(current.status(), status);
            }
            // An owned ticket stays owned: whoever a supervisor hands it to owns it to closure in turn.
            var owner = current.ownerId().isPresent() ? command.assigneeId() : current.ownerId();
            var next = current.toBuilder().departmentId(department).assigneeId(command.assigneeId()).status(status)
                    .ownerId(owner);
            var changes = ChangeSet.create()
                    .field("departmentId", current.departmentId(), department)
                    .field("assigneeId", current.assigneeId(), command.assigneeId())
                    .field("ownerId", current.ownerId(), owner)
                    .field("status", current.status(), status);
            return new TicketChanges.Outcome(next, changes,
                    new TicketAssigned(id, department, command.assigneeId(), now, actor.userId()));
        });
    }

    @Override
    public Ticket addProgress(Actor actor, TicketId id, AddProgress command) {
        var checks = FieldChecks.create();
        String action = checks.text("action", command.action(), TicketRules.MAX_TEXT, true);
        checks.require("visibility", command.visibility());
        command.status().filter(s -> !PROGRESS_STATUSES.contains(s)).ifPresent(s -> checks.add("status",
                "must be one of " + PROGRESS_STATUSES + "; resolving and closing have their own commands"));
        command.nextUpdateAt().map(at -> checks.instant("nextUpdateAt", at)).filter(at -> !at.isAfter(clock.instant()))
                .ifPresent(at -> checks.add("nextUpdateAt", "must be in the future"));
        checks.throwIfAny();
        return writer.change(actor, id, command.version(), "ticket.progress", work(actor), (tx, current, now) -> {
            TicketStatus status = TicketLifecycle.afterProgress(current.status(), command.status());
            var rules = sla.rules(tx);
            var dues = current.sla();
            if (current.status() == WAITING_CUSTOMER && status != WAITING_CUSTOMER) {
                dues = SlaClock.resume(rules, dues, now);
            }
            if (status == WAITING_CUSTOMER) {
                dues = SlaClock.pause(dues, now);
            }
            boolean customerVisible = command.visibility() == Visibility.CUSTOMER;
            if (customerVisible) {
                dues = SlaClock.customerUpdated(rules, dues, now, command.nextUpdateAt());
            }
            boolean firstResponse = customerVisible && current.firstRespondedAt().isEmpty();
            if (firstResponse) {
                // Reports take percentiles of this wait in the database, which knows no business calendars.
                tx.reports().recordFirstResponseTime(id, rules.calendar(current.sla().calendarId())
                        .between(current.createdAt(), now));
            }
            var next = current.toBuilder().status(status).sla(dues)
                    .firstRespondedAt(firstResponse ? Optional.of(now) : current.firstRespondedAt());
            tx.tickets().addProgress(id, new ProgressEntry(now, actor.userId(), action, status, command.visibility(),
                    command.nextUpdateAt()));
            var changes = ChangeSet.create()
                    .added("action", action)
                    .added("visibility", command.visibility())
                    .field("status", current.status(), status)
                    .field("firstRespondedAt", current.firstRespondedAt(), firstResponse ? now : current.firstRespondedAt())
                    .field("nextUpdateDue", current.sla().nextUpdateDue(), dues.nextUpdateDue())
                    .field("paused", current.sla().paused(), dues.paused())
                    .field("running", current.sla().running(), dues.running());
            var events = new ArrayList<DomainEvent>();
            events.add(new ProgressAdded(id, status, command.visibility(), firstResponse, now, actor.userId()));
            if (customerVisible) {
                events.addAll(replies.queue(tx, current, action, now, actor));
            }
            return new TicketChanges.Outcome(next, changes, events);
        });
    }

    @Override
    public Ticket recordException(Actor actor, TicketId id, RecordException command) {
        var exception = TicketExceptions.check(command, clock.instant());
        return writer.change(actor, id, command.version(), "ticket.exception", work(actor), (tx, current, now) ->
                TicketExceptions.record(tx, sla.rules(tx), current, exception, actor.userId(), now));
    }

    @Override
    public CollaborationRequest requestCollaboration(Actor actor, TicketId id, RequestCollaboration command) {
        String request = Collaboration.check(command);
        return transactions.write(tx -> {
            var ticket = TicketChanges.find(tx, id);
            TicketAccess.requireRead(tx, actor, ticket);
            TicketAccess.requireWork(actor, ticket);
            TicketLifecycle.requireWritable(ticket);
            return Collaboration.request(tx, actor, ticket, command.departmentId(), request,
                    CollaborationId.of(ids.next()), clock.instant());
        });
    }

    @Override
    public Ticket tag(Actor actor, TicketId id, TagTicket command) {
        var checks = FieldChecks.create();
        var tags = TicketTags.checked(command.tags(), checks);
        checks.throwIfAny();
        return writer.change(actor, id, command.version(), "ticket.tagged", work(actor), (tx, current, now) -> {
            var next = current.toBuilder().tags(tags);
            var gained = TicketTags.gained(current.tags(), tags);
            if (!gained.isEmpty()) {
                clusters.tagged(tx, actor, next.build(), gained, now);
            }
            return new TicketChanges.Outcome(next, ChangeSet.create().field("tags", current.tags(), tags),
                    new TicketTagsChanged(id, tags, now, actor.userId()));
        });
    }

    @Override
    public Ticket resolve(Actor actor, TicketId id, ResolveTicket command) {
        var checks = FieldChecks.create();
        String solution = checks.text("solution", command.solution(), TicketRules.MAX_TEXT, true);
        checks.require("communicatedVia", command.communicatedVia());
        checks.throwIfAny();
        return writer.change(actor, id, command.version(), "ticket.resolved", work(actor), (tx, current, now) -> {
            TicketLifecycle.requireTransition(current.status(), RESOLVED);
            var resolution = new Resolution(solution, command.communicatedVia(), actor.userId(), now);
            var next = current.toBuilder().status(RESOLVED).sla(SlaClock.resolved(sla.rules(tx), current.sla(), now))
                    .resolution(Optional.of(resolution));
            var changes = ChangeSet.create()
                    .field("status", current.status(), RESOLVED)
                    .added("solution", solution)
                    .added("communicatedVia", command.communicatedVia());
            return new TicketChanges.Outcome(next, changes, new TicketResolved(id, command.communicatedVia(), now,
                    actor.userId())).then((t, resolved, at) -> afterResolution.resolved(t, resolved, actor, at));
        });
    }

    @Override
    public Ticket confirm(Actor actor, TicketId id, ConfirmResolution command) {
        if (command.method().filter(m -> m == CommunicationMethod.ONLINE).isPresent()) {
            // Only the customer's own answer on their status page is ONLINE: users record how they heard it.
            throw new ValidationException(FieldError.of("method", "ONLINE is the customer's own answer on their "
                    + "status page; record how the customer told you"));
        }
        var comment = checkedComment(command.opinion(), command.comment());
        String action = command.opinion() == Opinion.SATISFIED ? "ticket.closed" : "ticket.reopened";
        return writer.change(actor, id, command.version(), action, work(actor), (tx, current, now) ->
                confirmation(tx, current, now, actor, command.opinion(), command.method(), comment));
    }

    /**
     * The customer's own confirmation of the ticket's current resolution, inside the caller's transaction, which
     * checked that the customer may give it: the same rules and effects as {@link #confirm}, method
     * {@link CommunicationMethod#ONLINE}, audited under {@code customer}.
     *
     * @param customer the actor that stands for the ticket's customer, no user
     * @throws ValidationException naming a missing opinion, or a missing or too long comment
     */
    public Ticket confirmByCustomer(Transaction tx, Actor customer, Ticket current, Opinion opinion,
                                    Optional<String> comment) {
        var checked = checkedComment(opinion, comment);
        TicketLifecycle.requireWritable(current);
        Instant now = clock.instant();
        String action = opinion == Opinion.SATISFIED ? "ticket.closed" : "ticket.reopened";
        var outcome = confirmation(tx, current, now, customer, opinion, Optional.of(CommunicationMethod.ONLINE),
                checked);
        return SlaClock.evaluated(TicketChanges.apply(tx, customer, current, action, outcome, now), now);
    }

    /** The comment, stripped; the reason is required unless the customer is satisfied. */
    private static Optional<String> checkedComment(Opinion opinion, Optional<String> comment) {
        var checks = FieldChecks.create();
        checks.require("opinion", opinion);
        var checked = checks.optionalText("comment", comment, 2_000);
        if (opinion != null && opinion != Opinion.SATISFIED && checked.isEmpty()) {
            checks.add("comment", "is required when the customer is not satisfied: give the reason");
        }
        checks.throwIfAny();
        return checked;
    }

    /** SATISFIED closes the ticket (then its after-closure work follows); any other opinion reopens it. */
    private TicketChanges.Outcome confirmation(Transaction tx, Ticket current, Instant now, Actor actor,
                                               Opinion opinion, Optional<CommunicationMethod> method,
                                               Optional<String> comment) {
        TicketId id = current.id();
        boolean satisfied = opinion == Opinion.SATISFIED;
        TicketLifecycle.requireTransition(current.status(), satisfied ? CLOSED : REOPENED);
        var confirmation = new Confirmation(opinion, method, comment, actor.userId(), now);
        tx.tickets().addConfirmation(id, confirmation);
        var changes = ChangeSet.create().added("opinion", opinion).added("comment", comment);
        // Only the customer's own answer says how it came: agents' entries stay as they always were.
        method.filter(m -> m == CommunicationMethod.ONLINE).ifPresent(m -> changes.added("method", m));
        if (satisfied) {
            var confirmations = tx.tickets().confirmations(id);
            TicketLifecycle.requireClosable(current, confirmations);
            changes.field("status", current.status(), CLOSED);
            return new TicketChanges.Outcome(current.toBuilder().status(CLOSED).closedAt(Optional.of(now)), changes,
                    new TicketClosed(id, now, actor.userId()))
                    .then((t, closed, at) -> afterClosure.closed(t, closed, actor, at));
        }
        changes.field("status", current.status(), REOPENED);
        var dues = SlaClock.reopened(sla.rules(tx), current.sla(), now);
        return new TicketChanges.Outcome(current.toBuilder().status(REOPENED).resolution(Optional.empty()).sla(dues),
                changes, new TicketReopened(id, opinion, comment.orElseThrow(), now, actor.userId()));
    }

    @Override
    public Ticket close(Actor actor, TicketId id) {
        // A SATISFIED confirmation closes the ticket; closing it again confirms that it is.
        return writer.changeAsRead(actor, id, TicketChanges.WhenClosed.UNCHANGED, "ticket.closed", work(actor),
                (tx, current, now) -> {
                    TicketLifecycle.requireClosable(current, tx.tickets().confirmations(id));
                    return new TicketChanges.Outcome(current.toBuilder().status(CLOSED).closedAt(Optional.of(now)),
                            ChangeSet.create().field("status", current.status(), CLOSED),
                            new TicketClosed(id, now, actor.userId()))
                            .then((t, closed, at) -> afterClosure.closed(t, closed, actor, at));
                });
    }

    @Override
    public List<AuditEntry> history(Actor actor, TicketId id) {
        return transactions.read(tx -> {
            TicketAccess.requireRead(tx, actor, TicketChanges.find(tx, id));
            return tx.audit().of("ticket", id.value());
        });
    }

    @Override
    public Ticket escalate(Actor actor, TicketId id, EscalateTicket command) {
        var checks = FieldChecks.create();
        String reason = checks.text("reason", command.reason(), TicketRules.MAX_TEXT, true);
        checks.throwIfAny();
        return writer.change(actor, id, command.version(), "ticket.escalated", work(actor), (tx, current, now) ->
                Escalation.up(tx, current, Optional.of(reason), false, now, actor.userId()));
    }

    @Override
    public Ticket accept(Actor actor, TicketId id) {
        actor.require(Permission.TICKET_ACCEPT);
        return writer.changeAsRead(actor, id, TicketChanges.WhenClosed.REFUSE, "ticket.accepted", ticket -> {
            if (!actor.isIn(ticket.departmentId()) && !actor.has(Permission.TICKET_WORK_ALL)) {
                throw ForbiddenException.of("ticket.out-of-scope",
                        "Only experts of the ticket's department may accept ticket " + ticket.number());
            }
        }, (tx, ticket, now) -> Escalation.accept(ticket, actor.userId(), now));
    }

    private static TicketChanges.Access work(Actor actor) {
        return current -> TicketAccess.requireWork(actor, current);
    }

    private void requireMayAssign(Actor actor, Ticket current, AssignTicket command) {
        boolean keepsOwner = command.assigneeId().equals(current.ownerId())
                && command.departmentId().filter(d -> !d.equals(current.departmentId())).isEmpty();
        if (current.ownerId().isPresent() && !keepsOwner && !actor.has(Permission.TICKET_REASSIGN_OWNED)) {
            throw ForbiddenException.of("ticket.owned", "Ticket " + current.number() + " is owned by the expert who"
                    + " accepted it; only a supervisor may reassign it");
        }
        if (actor.has(Permission.TICKET_ASSIGN)) {
            return;
        }
        // Without ticket.assign, an agent may only take an unassigned ticket of their own department for themselves.
        boolean takesOwn = actor.has(Permission.TICKET_WORK) && actor.isIn(current.departmentId())
                && command.departmentId().filter(d -> !d.equals(current.departmentId())).isEmpty()
                && command.assigneeId().filter(actor.userId()::equals).isPresent()
                && current.assigneeId().filter(a -> !a.equals(actor.userId())).isEmpty();
        if (!takesOwn) {
            throw ForbiddenException.missing(Permission.TICKET_ASSIGN.key());
        }
    }

    private List<FieldError> referenceErrors(Transaction tx, OpenTicket request, boolean typeKnown) {
        var checks = FieldChecks.create();
        if (request.customerId() != null && request.contactId().isEmpty()) {
            if (!tx.customers().exists(request.customerId())) {
                checks.add("customerId", "is not a known customer");
            }
        } else if (request.customerId() != null) {
            tx.customers().find(request.customerId()).ifPresentOrElse(
                    customer -> {
                        if (customer.contacts().stream().noneMatch(c -> c.id().equals(request.contactId().get()))) {
                            checks.add("contactId", "is not a contact of this customer");
                        }
                    },
                    () -> checks.add("customerId", "is not a known customer"));
        }
        if (request.type() != null && !request.type().isBlank() && !typeKnown) {
            checks.add("type", "must be one of " + tx.ticketTypes().list().stream().map(TicketType::code).toList());
        }
        if (!request.relatedTicketIds().isEmpty()) {
            var existing = tx.tickets().existing(request.relatedTicketIds());
            for (int i = 0; i < request.relatedTicketIds().size(); i++) {
                if (!existing.contains(request.relatedTicketIds().get(i))) {
                    checks.add("relatedTicketIds[" + i + "]", "is not a known ticket");
                }
            }
        }
        return checks.errors();
    }

}
