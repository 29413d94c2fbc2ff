package dev.rapport.core.internal.improvement;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.ImprovementCreated;
import dev.rapport.api.event.ImprovementSuggestionDismissed;
import dev.rapport.api.event.ImprovementUpdated;
import dev.rapport.api.event.ImprovementVerified;
import dev.rapport.api.improvement.DismissSuggestion;
import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.improvement.ImprovementFilter;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.ImprovementSuggestion;
import dev.rapport.api.improvement.ImprovementUpdate;
import dev.rapport.api.improvement.Improvements;
import dev.rapport.api.improvement.NewImprovement;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.SuggestionState;
import dev.rapport.api.improvement.Verification;
import dev.rapport.api.improvement.VerifyImprovement;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static dev.rapport.api.improvement.ImprovementState.DONE;
import static dev.rapport.api.improvement.ImprovementState.PROPOSED;

/** Corrective actions and their suggestions: every change checked, audited and announced in one transaction. */
public final class ImprovementService implements Improvements {
    static final String SUBJECT = "improvement";
    static final String SUGGESTION = "improvement-suggestion";
    private static final int MAX_PROBLEM = 2_000;
    private static final int MAX_TEXT = 10_000;
    private static final int MAX_NOTE = 2_000;
    private static final int MAX_LINKS = 200;

    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final IdGenerator ids;

    public ImprovementService(Transactions transactions, Clock clock, ZoneId zone, IdGenerator ids) {
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
        this.ids = ids;
    }

    @Override
    public Improvement create(Actor actor, NewImprovement request) {
        actor.require(Permission.IMPROVEMENT_MANAGE);
        var checks = FieldChecks.create();
        String problem = checks.text("problem", request.problem(), MAX_PROBLEM, true);
        checks.require("rootCause", request.rootCause());
        String measures = checks.text("measures", request.measures(), MAX_TEXT, true);
        checks.require("departmentId", request.departmentId());
        checks.require("ownerId", request.ownerId());
        var notes = checks.optionalText("notes", request.notes(), MAX_TEXT);
        request.plannedDate().ifPresent(d -> checks.date("plannedDate", d));
        checkCount(checks, "ticketIds", request.ticketIds());
        checkCount(checks, "customerIds", request.customerIds());
        return transactions.write(tx -> {
            Instant now = clock.instant();
            if (request.departmentId() != null) {
                checkDepartment(tx, checks, request.departmentId());
            }
            if (request.ownerId() != null) {
                checkOwner(tx, checks, request.ownerId());
            }
            checkTickets(tx, checks, request.ticketIds());
            checkCustomers(tx, checks, request.customerIds());
            var suggestion = request.suggestionId().flatMap(id -> {
                var found = tx.suggestions().find(id);
                if (found.isEmpty()) {
                    checks.add("suggestionId", "is not a known suggestion");
                }
                return found;
            });
            checks.throwIfAny();
            suggestion.filter(s -> s.state() != SuggestionState.OPEN).ifPresent(s -> {
                throw settled(s);
            });
            var tickets = union(request.ticketIds(), suggestion.map(ImprovementSuggestion::ticketIds));
            var customers = union(request.customerIds(), suggestion.map(ImprovementSuggestion::customerIds));
            var improvement = new Improvement(ImprovementId.of(ids.next()), problem, request.rootCause(), measures,
                    request.departmentId(), request.ownerId(), request.plannedDate(), Optional.empty(), customers,
                    tickets, List.of(), notes, PROPOSED, request.suggestionId(), actor.userId(), now, now, 1);
            tx.improvements().insert(improvement);
            tx.audit().append(ChangeSet.create()
                    .added("problem", problem).added("rootCause", request.rootCause()).added("measures", measures)
                    .added("departmentId", request.departmentId()).added("ownerId", request.ownerId())
                    .added("plannedDate", request.plannedDate()).added("customerIds", customers)
                    .added("ticketIds", tickets).added("notes", notes).added("state", PROPOSED)
                    .added("suggestionId", request.suggestionId())
                    .entry(SUBJECT, improvement.id().value(), now, actor, "improvement.created"));
            tx.outbox().append(new ImprovementCreated(improvement.id(), improvement.departmentId(),
                    improvement.ownerId(), improvement.suggestionId(), now, actor.userId()));
            suggestion.ifPresent(s -> settle(tx, actor, s, SuggestionState.ADOPTED, Optional.of(improvement.id()),
                    Optional.empty(), now, "improvement.suggestion.adopted"));
            return improvement;
        });
    }

    @Override
    public Improvement update(Actor actor, ImprovementId id, ImprovementUpdate update) {
        actor.require(Permission.IMPROVEMENT_READ);
        var checks = FieldChecks.create();
        var problem = update.problem().map(v -> checks.text("problem", v, MAX_PROBLEM, true));
        var measures = update.measures().map(v -> checks.text("measures", v, MAX_TEXT, true));
        // A blank text removes the notes.
        var notes = update.notes().map(v -> Optional.ofNullable(checks.text("notes", v, MAX_TEXT, false)));
        LocalDate today = today();
        update.plannedDate().ifPresent(d -> checks.date("plannedDate", d));
        update.completedDate().map(d -> checks.date("completedDate", d)).filter(today::isBefore)
                .ifPresent(d -> checks.add("completedDate", "must not be after today (" + today + ")"));
        update.ticketIds().ifPresent(list -> checkCount(checks, "ticketIds", list));
        update.customerIds().ifPresent(list -> checkCount(checks, "customerIds", list));
        return transactions.write(tx -> {
            var current = find(tx, id);
            boolean handsOver = update.ownerId().filter(o -> !o.equals(current.ownerId())).isPresent()
                    || update.departmentId().filter(d -> !d.equals(current.departmentId())).isPresent();
            requireMayChange(actor, current, handsOver);
            if (current.version() != update.version()) {
                throw ConflictException.staleVersion(SUBJECT, id.value(), update.version(), current.version());
            }
            update.departmentId().ifPresent(d -> checkDepartment(tx, checks, d));
            update.ownerId().filter(o -> !o.equals(current.ownerId())).ifPresent(o -> checkOwner(tx, checks, o));
            update.ticketIds().ifPresent(list -> checkTickets(tx, checks, list));
            update.customerIds().ifPresent(list -> checkCustomers(tx, checks, list));
            checks.throwIfAny();
            ImprovementState state = update.state().orElse(current.state());
            if (state != current.state()) {
                ImprovementLifecycle.requireUpdate(current.state(), state);
            }
            if (update.completedDate().isPresent() && !ImprovementLifecycle.completed(state)) {
                throw new ValidationException(FieldError.of("completedDate",
                        "can be given once the improvement is DONE, not while it is " + state));
            }
            var completed = update.completedDate().or(() -> state == DONE && current.state() != DONE
                    ? Optional.of(current.completedDate().orElse(today)) : current.completedDate());
            var next = current.toBuilder()
                    .problem(problem.orElse(current.problem()))
                    .rootCause(update.rootCause().orElse(current.rootCause()))
                    .measures(measures.orElse(current.measures()))
                    .departmentId(update.departmentId().orElse(current.departmentId()))
                    .ownerId(update.ownerId().orElse(current.ownerId()))
                    .plannedDate(update.plannedDate().or(current::plannedDate))
                    .completedDate(completed)
                    .ticketIds(update.ticketIds().map(ImprovementService::distinct).orElse(current.ticketIds()))
                    .customerIds(update.customerIds().map(ImprovementService::distinct).orElse(current.customerIds()))
                    .notes(notes.orElse(current.notes()))
                    .state(state)
                    .build();
            var changes = ChangeSet.create()
                    .field("problem", current.problem(), next.problem())
                    .field("rootCause", current.rootCause(), next.rootCause())
                    .field("measures", current.measures(), next.measures())
                    .field("departmentId", current.departmentId(), next.departmentId())
                    .field("ownerId", current.ownerId(), next.ownerId())
                    .field("plannedDate", current.plannedDate(), next.plannedDate())
                    .field("completedDate", current.completedDate(), next.completedDate())
                    .field("ticketIds", current.ticketIds(), next.ticketIds())
                    .field("customerIds", current.customerIds(), next.customerIds())
                    .field("notes", current.notes(), next.notes())
                    .field("state", current.state(), next.state());
            if (changes.isEmpty()) {
                return current;
            }
            Instant now = clock.instant();
            var written = write(tx, current, next.toBuilder().updatedAt(now));
            tx.audit().append(changes.entry(SUBJECT, id.value(), now, actor, "improvement.updated"));
            var handedTo = Optional.of(written.ownerId()).filter(o -> !o.equals(current.ownerId()));
            tx.outbox().append(new ImprovementUpdated(id, written.state(), handedTo, written.version(), now,
                    actor.userId()));
            return written;
        });
    }

    @Override
    public Improvement get(Actor actor, ImprovementId id) {
        actor.require(Permission.IMPROVEMENT_READ);
        return transactions.read(tx -> find(tx, id));
    }

    @Override
    public Page<Improvement> list(Actor actor, ImprovementFilter filter, PageRequest page) {
        actor.require(Permission.IMPROVEMENT_READ);
        var after = page.cursor().map(c -> ImprovementId.of(cursorId(c)));
        var found = transactions.read(tx -> tx.improvements().list(filter, after, page.limit() + 1));
        return page(found, page, improvement -> improvement.id().value());
    }

    @Override
    public Improvement verify(Actor actor, ImprovementId id, VerifyImprovement command) {
        actor.require(Permission.IMPROVEMENT_READ);
        var checks = FieldChecks.create();
        if (command.score() < 1 || command.score() > 5) {
            checks.add("score", "must be between 1 and 5");
        }
        var note = checks.optionalText("note", command.note(), MAX_NOTE);
        return transactions.write(tx -> {
            var current = find(tx, id);
            requireMayChange(actor, current, false);
            command.customerId().filter(c -> !current.customerIds().contains(c)).ifPresent(c ->
                    checks.add("customerId", "is not an affected customer of this improvement"));
            checks.throwIfAny();
            var state = ImprovementLifecycle.afterVerification(current.state());
            Instant now = clock.instant();
            var verification = new Verification(command.customerId(), command.score(), note, actor.userId(), now);
            tx.improvements().addVerification(id, verification);
            var verifications = new ArrayList<>(current.verifications());
            verifications.add(verification);
            var written = write(tx, current, current.toBuilder().state(state).verifications(verifications)
                    .updatedAt(now));
            tx.audit().append(ChangeSet.create()
                    .added("score", command.score()).added("customerId", command.customerId()).added("note", note)
                    .field("state", current.state(), state)
                    .field("averageScore", current.averageScore(), written.averageScore())
                    .entry(SUBJECT, id.value(), now, actor, "improvement.verified"));
            tx.outbox().append(new ImprovementVerified(id, command.score(), command.customerId(), state, now,
                    actor.userId()));
            return written;
        });
    }

    @Override
    public List<AuditEntry> history(Actor actor, ImprovementId id) {
        actor.require(Permission.IMPROVEMENT_READ);
        return transactions.read(tx -> {
            find(tx, id);
            return tx.audit().of(SUBJECT, id.value());
        });
    }

    @Override
    public Page<ImprovementSuggestion> suggestions(Actor actor, Optional<SuggestionState> state, PageRequest page) {
        actor.require(Permission.IMPROVEMENT_READ);
        var after = page.cursor().map(c -> SuggestionId.of(cursorId(c)));
        var found = transactions.read(tx -> tx.suggestions().list(state, after, page.limit() + 1));
        return page(found, page, suggestion -> suggestion.id().value());
    }

    @Override
    public ImprovementSuggestion suggestion(Actor actor, SuggestionId id) {
        actor.require(Permission.IMPROVEMENT_READ);
        return transactions.read(tx -> findSuggestion(tx, id));
    }

    @Override
    public List<AuditEntry> suggestionHistory(Actor actor, SuggestionId id) {
        actor.require(Permission.IMPROVEMENT_READ);
        return transactions.read(tx -> {
            findSuggestion(tx, id);
            return tx.audit().of(SUGGESTION, id.value());
        });
    }

    @Override
    public ImprovementSuggestion dismiss(Actor actor, SuggestionId id, DismissSuggestion command) {
        actor.require(Permission.IMPROVEMENT_MANAGE);
        var checks = FieldChecks.create();
        String reason = checks.text("reason", command.reason(), MAX_NOTE, true);
        checks.throwIfAny();
        return transactions.write(tx -> {
            var current = findSuggestion(tx, id);
            Instant now = clock.instant();
            var dismissed = settle(tx, actor, current, SuggestionState.DISMISSED, Optional.empty(),
                    Optional.of(reason), now, "improvement.suggestion.dismissed");
            tx.outbox().append(new ImprovementSuggestionDismissed(id, current.ticketType(), current.tag(), reason, now,
                    actor.userId()));
            return dismissed;
        });
    }

    /** Adopts or dismisses an OPEN suggestion, audited. @throws ConflictException when it is not OPEN (any more) */
    private static ImprovementSuggestion settle(Transaction tx, Actor actor, ImprovementSuggestion current,
                                                SuggestionState state, Optional<ImprovementId> improvement,
                                                Optional<String> reason, Instant now, String action) {
        var settled = new ImprovementSuggestion(current.id(), current.ticketType(), current.tag(),
                current.departmentId(), current.customerIds(), current.ticketIds(), state, improvement, reason,
                Optional.of(actor.userId()), Optional.of(now), current.follows(), current.suggestedAt(),
                current.lastTicketAt());
        if (current.state() != SuggestionState.OPEN || !tx.suggestions().settle(settled)) {
            throw settled(tx.suggestions().find(current.id()).orElse(current));
        }
        tx.audit().append(ChangeSet.create().field("state", current.state(), state)
                .added("improvementId", improvement).added("reason", reason)
                .entry(SUGGESTION, current.id().value(), now, actor, action));
        return settled;
    }

    private static ConflictException settled(ImprovementSuggestion suggestion) {
        return ConflictException.of("improvement.suggestion.settled",
                "Suggestion " + suggestion.id() + " is already " + suggestion.state());
    }

    /** Writes {@code next} over {@code current} under its version. @throws ConflictException when it moved on */
    private static Improvement write(Transaction tx, Improvement current, Improvement.Builder next) {
        var written = next.version(current.version() + 1).build();
        if (!tx.improvements().update(written, current.version())) {
            throw ConflictException.staleVersion(SUBJECT, current.id().value(), current.version(),
                    current.version() + 1);
        }
        return written;
    }

    /**
     * Holders of {@code improvement.manage} may change any improvement; its owner may change it too, but not hand it
     * to another owner or department.
     */
    private static void requireMayChange(Actor actor, Improvement improvement, boolean handsOver) {
        if (actor.has(Permission.IMPROVEMENT_MANAGE)) {
            return;
        }
        if (!improvement.ownerId().equals(actor.userId())) {
            throw ForbiddenException.missing(Permission.IMPROVEMENT_MANAGE.key());
        }
        if (handsOver) {
            throw ForbiddenException.of("improvement.hand-over", "Only holders of "
                    + Permission.IMPROVEMENT_MANAGE.key() + " may give improvement " + improvement.id()
                    + " another owner or department");
        }
    }

    private static Improvement find(Transaction tx, ImprovementId id) {
        return tx.improvements().find(id).orElseThrow(() -> NotFoundException.of(SUBJECT, id.value()));
    }

    private static ImprovementSuggestion findSuggestion(Transaction tx, SuggestionId id) {
        return tx.suggestions().find(id).orElseThrow(() -> NotFoundException.of(SUGGESTION, id.value()));
    }

    private static void checkCount(FieldChecks checks, String field, List<?> values) {
        if (values.size() > MAX_LINKS) {
            checks.add(field, "must be at most " + MAX_LINKS);
        }
    }

    private static void checkDepartment(Transaction tx, FieldChecks checks, DepartmentId department) {
        if (tx.departments().find(department).isEmpty()) {
            checks.add("departmentId", "is not a known department");
        }
    }

    private static void checkOwner(Transaction tx, FieldChecks checks, UserId owner) {
        if (tx.users().find(owner).filter(User::active).isEmpty()) {
            checks.add("ownerId", "is not an active user");
        }
    }

    private static void checkTickets(Transaction tx, FieldChecks checks, List<TicketId> tickets) {
        var existing = tx.tickets().existing(tickets);
        for (int i = 0; i < tickets.size(); i++) {
            if (!existing.contains(tickets.get(i))) {
                checks.add("ticketIds[" + i + "]", "is not a known ticket");
            }
        }
    }

    private static void checkCustomers(Transaction tx, FieldChecks checks, List<CustomerId> customers) {
        for (int i = 0; i < customers.size(); i++) {
            if (!tx.customers().exists(customers.get(i))) {
                checks.add("customerIds[" + i + "]", "is not a known customer");
            }
        }
    }

    private static <T> List<T> union(List<T> given, Optional<List<T>> more) {
        var all = new LinkedHashSet<>(given);
        more.ifPresent(all::addAll);
        return List.copyOf(all);
    }

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static <T> Page<T> page(List<T> found, PageRequest page, Function<T, String> id) {
        var items = found.stream().limit(page.limit()).toList();
        return new Page<>(items, found.size() > page.limit() ? Optional.of(id.apply(items.getLast())) : Optional.empty());
    }

    /** A cursor is the last id of the previous page; ids are UUIDs. */
    private static String cursorId(String cursor) {
        try {
            UUID.fromString(cursor);
            return cursor;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("cursor", "is not a cursor this list returned"));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
