package dev.rapport.core.internal.followup;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.NewInteraction;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.FollowUpCompleted;
import dev.rapport.api.event.FollowUpSkipped;
import dev.rapport.api.followup.CompleteFollowUp;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.followup.FollowUps;
import dev.rapport.api.followup.SkipFollowUp;
import dev.rapport.api.followup.UnplannedCare;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.storage.FollowUpQuery;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.customer.InteractionService;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Follow-ups (SPEC §6): the work lists, and completing or skipping one, each change audited and announced in one
 * transaction. Completing logs the interaction on the customer in that same transaction. Planning is the
 * {@link FollowUpPlanner}'s: when a ticket closes ({@link #afterClosure}), on a poor survey answer
 * ({@link #openRecovery}), and in the {@link FollowUpScan}.
 */
public final class FollowUpService implements FollowUps {
    private static final int MAX_OUTCOME = 2_000;
    private static final int MAX_NOTE = 5_000;
    private static final int MAX_REASON = 2_000;
    private static final int MAX_TOPIC = 200;

    private final Transactions transactions;
    private final Clock clock;
    private final InteractionService interactions;
    private final FollowUpPlanner planner;

    public FollowUpService(Transactions transactions, Clock clock, ZoneId zone, IdGenerator ids,
                           InteractionService interactions, FollowUpPlan plan) {
        this.transactions = transactions;
        this.clock = clock;
        this.interactions = interactions;
        this.planner = new FollowUpPlanner(ids, plan, new FollowUpCalendar(zone, plan.dayStart()));
    }

    @Override
    public Page<FollowUp> list(Actor actor, FollowUpFilter filter, PageRequest page) {
        var scope = FollowUpAccess.scope(actor);
        var checks = FieldChecks.create();
        filter.dueBefore().ifPresent(at -> checks.instant("dueBefore", at));
        checks.throwIfAny();
        var after = page.cursor().map(FollowUpCursor::parse);
        var found = transactions.read(tx -> tx.followUps().list(new FollowUpQuery(filter, scope, after,
                page.limit() + 1)));
        var items = found.stream().limit(page.limit()).toList();
        return new Page<>(items, found.size() > page.limit()
                ? Optional.of(FollowUpCursor.of(items.getLast())) : Optional.empty());
    }

    @Override
    public List<UnplannedCare> unplanned(Actor actor) {
        if (!actor.has(Permission.FOLLOW_UP_WORK_ALL) && !actor.has(Permission.USER_ADMIN)) {
            throw ForbiddenException.missing(Permission.FOLLOW_UP_WORK_ALL.key());
        }
        return transactions.read(tx -> tx.followUps().unplanned());
    }

    @Override
    public FollowUp get(Actor actor, FollowUpId id) {
        FollowUpAccess.requireAny(actor);
        return transactions.read(tx -> {
            var followUp = find(tx, id);
            FollowUpAccess.require(actor, followUp);
            return followUp;
        });
    }

    @Override
    public FollowUp complete(Actor actor, FollowUpId id, CompleteFollowUp command) {
        FollowUpAccess.requireAny(actor);
        var checks = FieldChecks.create();
        String outcome = checks.text("outcome", command.outcome(), MAX_OUTCOME, true);
        var note = checks.optionalText("note", command.note(), MAX_NOTE);
        checks.throwIfAny();
        return transactions.write(tx -> {
            var current = writable(tx, actor, id, command.version(), FollowUpState.DONE);
            var method = command.method().orElse(current.kind().defaultMethod());
            String content = outcome + note.map(n -> "\n\n" + n).orElse("");
            var interaction = interactions.log(tx, actor, current.customerId(), new NewInteraction(Optional.empty(),
                    method, List.of(), topic(current), content, Optional.empty(), Optional.of(current.ownerId()),
                    Optional.empty(), Optional.empty()));
            Instant now = interaction.recordedAt();
            var next = current.done(outcome, note, interaction.id(), actor.userId(), now);
            write(tx, current, next, ChangeSet.create().field("state", current.state(), next.state())
                    .added("outcome", outcome).added("note", note).added("interactionId", interaction.id())
                    .entry("follow-up", id.value(), now, actor, "follow-up.completed"));
            tx.outbox().append(new FollowUpCompleted(id, current.kind(), current.customerId(), current.ticketId(),
                    interaction.id(), now, actor.userId()));
            return next;
        });
    }

    @Override
    public FollowUp skip(Actor actor, FollowUpId id, SkipFollowUp command) {
        FollowUpAccess.requireAny(actor);
        var checks = FieldChecks.create();
        String reason = checks.text("reason", command.reason(), MAX_REASON, true);
        checks.throwIfAny();
        return transactions.write(tx -> {
            var current = writable(tx, actor, id, command.version(), FollowUpState.SKIPPED);
            Instant now = clock.instant();
            var next = current.skipped(reason, actor.userId(), now);
            write(tx, current, next, ChangeSet.create().field("state", current.state(), next.state())
                    .added("skipReason", reason).entry("follow-up", id.value(), now, actor, "follow-up.skipped"));
            tx.outbox().append(new FollowUpSkipped(id, current.kind(), current.customerId(), current.ticketId(), now,
                    actor.userId()));
            return next;
        });
    }

    /**
     * Plans the after-closure steps of {@code ticket}, which {@code actor} closed at {@code now}, inside the closing
     * transaction. The follow-ups and their audit entries are written; their {@code FollowUpScheduled} events are
     * returned, for the caller to append after {@code TicketClosed}.
     */
    public List<DomainEvent> afterClosure(Transaction tx, Ticket ticket, Actor actor, Instant now) {
        return List.copyOf(planner.afterClosure(tx, ticket, actor, now));
    }

    /**
     * Opens a SERVICE_RECOVERY follow-up of {@code ticket} inside the caller's transaction (the survey's that found the
     * poor answer): for a supervisor of the ticket's department (or, without any supervisor, its handler), due the
     * plan's {@code recoveryWithin} from {@code now}, and announced to that supervisor at once. A ticket gets at most
     * one: when it has one already, that one is returned and nothing is written.
     *
     * @param reason why, e.g. which answer was poor; required, at most 2,000 characters (the purpose keeps 500)
     * @return the ticket's recovery follow-up; empty only when no active user can own it
     * @throws dev.rapport.api.error.ValidationException naming {@code reason} when it is blank or too long
     */
    public Optional<FollowUp> openRecovery(Transaction tx, Ticket ticket, String reason, Instant now) {
        var checks = FieldChecks.create();
        String why = checks.text("reason", reason, MAX_REASON, true);
        checks.throwIfAny();
        return planner.openRecovery(tx, ticket, why, Actor.system(), now);
    }

    FollowUpPlanner planner() {
        return planner;
    }

    /** The follow-up, if the actor may change it, it is still open and the version (when given) is current. */
    private static FollowUp writable(Transaction tx, Actor actor, FollowUpId id, OptionalLong version,
                                     FollowUpState target) {
        var current = find(tx, id);
        FollowUpAccess.require(actor, current);
        if (!current.state().isOpen()) {
            throw ConflictException.illegalTransition("follow-up", current.state(), target);
        }
        if (version.isPresent() && version.getAsLong() != current.version()) {
            throw ConflictException.staleVersion("follow-up", id.value(), version.getAsLong(), current.version());
        }
        return current;
    }

    /** Writes {@code next} under the version check, with its audit entry. */
    static void write(Transaction tx, FollowUp current, FollowUp next, AuditEntry audit) {
        if (!tx.followUps().update(next, current.version())) {
            throw ConflictException.staleVersion("follow-up", current.id().value(), current.version(),
                    current.version() + 1);
        }
        tx.audit().append(audit);
    }

    private static FollowUp find(Transaction tx, FollowUpId id) {
        return tx.followUps().find(id).orElseThrow(() -> NotFoundException.of("follow-up", id.value()));
    }

    /** The interaction's topic: the follow-up's purpose, shortened to what a topic holds. */
    private static String topic(FollowUp followUp) {
        String purpose = followUp.purpose();
        return purpose.length() <= MAX_TOPIC ? purpose : purpose.substring(0, MAX_TOPIC - 1) + "…";
    }
}
