package dev.rapport.core.internal.ticket;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.audit.Change;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.TicketAccepted;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.event.TicketResolved;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.AssignmentMode;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.EscalateTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.TagTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.Interleaving;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every ticket write takes one route (TicketChanges): opening, closing and accepting write their audit entry and
 * their events as every other command does, and a change that commits between a command's read of the ticket and its
 * update makes the command lose with 409, having written nothing.
 */
class TicketWritesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private final Interleaving interleaving = new Interleaving();
    private Rapport rapport;
    private User agent;

    private void start(TestDatabase db) {
        rapport = rapports.start(interleaving.on(rapports.builder(db)).listener(heard));
        agent = user(rapport, Role.AGENT, "after-sales");
    }

    @StorageTest
    void openingWritesOneAuditEntryAndOneTicketCreated(TestDatabase db) {
        start(db);
        var customer = customer(rapport);

        var ticket = rapport.tickets().open(Actor.of(agent), aTicket(customer.id()).build());

        assertThat(ticket.version()).isEqualTo(1);
        assertThat(ticket.updatedAt()).isEqualTo(T0);
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket()).isEqualTo(ticket);
        assertThat(rapport.tickets().history(Actor.system(), ticket.id())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("ticket.opened");
            assertThat(entry.at()).isEqualTo(T0);
            assertThat(entry.actorId()).isEqualTo(agent.id());
            assertThat(entry.changes()).containsOnlyKeys("status", "type", "priority", "departmentId", "customerId",
                    "intakeOwnerId");
            assertThat(entry.changes().get("status")).isEqualTo(added("NEW"));
            assertThat(entry.changes().get("priority")).isEqualTo(added("P1"));
            assertThat(entry.changes().get("intakeOwnerId")).isEqualTo(added(agent.id().value()));
        });
        assertThat(eventsOf(ticket.id())).containsExactly(new TicketCreated(ticket.id(), ticket.number(),
                customer.id(), "COMPLAINT", Priority.P1, DepartmentId.of("after-sales"), T0, agent.id()));
    }

    @StorageTest
    void anAutoAssignedTicketAnnouncesItsCreationThenItsAssignment(TestDatabase db) {
        start(db);
        rapport.departments().changeAssignmentMode(Actor.system(), DepartmentId.of("after-sales"),
                AssignmentMode.ROUND_ROBIN);

        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());

        assertThat(ticket.assigneeId()).contains(agent.id());
        assertThat(rapport.tickets().history(Actor.system(), ticket.id())).extracting(AuditEntry::action)
                .containsExactly("ticket.opened");
        assertThat(eventsOf(ticket.id())).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TicketCreated", "TicketAssigned");
        assertThat(heard.of(TicketAssigned.class)).singleElement().satisfies(assigned ->
                assertThat(assigned.assigneeId()).contains(agent.id()));
    }

    @StorageTest
    void closingAClosableTicketWritesOneAuditEntryAndAnnouncesTheClosureBeforeWhatFollowsIt(TestDatabase db) {
        start(db);
        var resolved = closable();
        clock.advance(Duration.ofMinutes(5));

        var closed = rapport.tickets().close(Actor.of(agent), resolved.id());

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.closedAt()).contains(clock.instant());
        assertThat(closed.version()).isEqualTo(resolved.version() + 1);
        assertThat(rapport.tickets().history(Actor.system(), resolved.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("ticket.closed");
            assertThat(entry.actorId()).isEqualTo(agent.id());
            assertThat(entry.changes()).containsOnlyKeys("status");
            assertThat(entry.changes().get("status")).isEqualTo(new Change(Optional.of("RESOLVED"), Optional.of("CLOSED")));
        });
        var events = eventsOf(resolved.id());
        assertThat(events.subList(events.indexOf(heard.of(TicketResolved.class).getFirst()) + 1, events.size()))
                .as("the closure, then the after-closure work's events").first()
                .isEqualTo(new TicketClosed(resolved.id(), clock.instant(), agent.id()));
        assertThat(followUpsOf(resolved.id())).as("the after-closure work ran").isNotEmpty();

        var again = rapport.tickets().close(Actor.of(agent), resolved.id());
        assertThat(again.version()).as("closing a closed ticket writes nothing").isEqualTo(closed.version());
        assertThat(eventsOf(resolved.id())).filteredOn(TicketClosed.class::isInstance).hasSize(1);
    }

    @StorageTest
    void closingAClosedTicketIsStillForbiddenToWhoMayNotWorkIt(TestDatabase db) {
        start(db);
        var closed = rapport.tickets().close(Actor.of(agent), closable().id());
        var admin = actor(rapport, Role.ADMIN, "customer-service");

        assertThatThrownBy(() -> rapport.tickets().close(admin, closed.id())).isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void aCloseThatMeetsAConcurrentChangeIsRefusedAndWritesNothing(TestDatabase db) {
        start(db);
        var resolved = closable();
        interleaving.beforeNextUpdateOf(resolved.id(), () -> rapport.tickets().tag(Actor.system(), resolved.id(),
                new TagTicket(resolved.version(), List.of("billing"))));

        assertThatThrownBy(() -> rapport.tickets().close(Actor.of(agent), resolved.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ticket.version.stale"));

        assertThat(interleaving.waiting()).as("the concurrent change came in between").isFalse();
        var stored = rapport.tickets().get(Actor.system(), resolved.id()).ticket();
        assertThat(stored.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(stored.closedAt()).isEmpty();
        assertThat(stored.tags()).containsExactly("billing");
        assertThat(stored.version()).isEqualTo(resolved.version() + 1);
        assertThat(rapport.tickets().history(Actor.system(), resolved.id())).extracting(AuditEntry::action)
                .doesNotContain("ticket.closed");
        assertThat(eventsOf(resolved.id())).noneMatch(TicketClosed.class::isInstance);
        assertThat(followUpsOf(resolved.id())).isEmpty();

        assertThat(rapport.tickets().close(Actor.of(agent), resolved.id()).status())
                .as("closing the ticket as it is now").isEqualTo(TicketStatus.CLOSED);
    }

    @StorageTest
    void anAcceptThatMeetsAConcurrentChangeIsRefusedAndWritesNothing(TestDatabase db) {
        start(db);
        var expert = user(rapport, Role.EXPERT, "after-sales");
        var escalated = escalated();
        interleaving.beforeNextUpdateOf(escalated.id(), () -> rapport.tickets().tag(Actor.system(), escalated.id(),
                new TagTicket(escalated.version(), List.of("firmware"))));

        assertThatThrownBy(() -> rapport.tickets().accept(Actor.of(expert), escalated.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ticket.version.stale"));

        assertThat(interleaving.waiting()).as("the concurrent change came in between").isFalse();
        var stored = rapport.tickets().get(Actor.system(), escalated.id()).ticket();
        assertThat(stored.ownerId()).isEmpty();
        assertThat(stored.assigneeId()).contains(agent.id());
        assertThat(stored.version()).isEqualTo(escalated.version() + 1);
        assertThat(rapport.tickets().history(Actor.system(), escalated.id())).extracting(AuditEntry::action)
                .doesNotContain("ticket.accepted");
        assertThat(eventsOf(escalated.id())).noneMatch(TicketAccepted.class::isInstance);

        var accepted = rapport.tickets().accept(Actor.of(expert), escalated.id());
        assertThat(accepted.ownerId()).contains(expert.id());
        assertThat(accepted.version()).isEqualTo(stored.version() + 1);
        assertThat(rapport.tickets().history(Actor.system(), escalated.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("ticket.accepted");
            assertThat(entry.changes()).containsOnlyKeys("assigneeId", "ownerId");
        });
        assertThat(eventsOf(escalated.id())).filteredOn(TicketAccepted.class::isInstance)
                .containsExactly(new TicketAccepted(escalated.id(), expert.id(), clock.instant(), expert.id()));
    }

    /** Every event delivered so far about the ticket, in order. */
    private List<DomainEvent> eventsOf(TicketId ticket) {
        rapports.awaitAllDelivered(rapport);
        return heard.of(DomainEvent.class).stream().filter(e -> e.subjectId().equals(ticket.value())).toList();
    }

    private List<?> followUpsOf(TicketId ticket) {
        return rapport.followUps().list(Actor.system(), FollowUpFilter.all().withTicket(ticket), PageRequest.first())
                .items();
    }

    private static Change added(String value) {
        return new Change(Optional.empty(), Optional.of(value));
    }

    /** A complaint the agent works on, escalated to After-Sales' experts. */
    private Ticket escalated() {
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        ticket = rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        return rapport.tickets().escalate(Actor.of(agent), ticket.id(), new EscalateTicket(ticket.version(), "Firmware"));
    }

    /**
     * A RESOLVED complaint of the agent's with a SATISFIED confirmation of its resolution that did not close it, as
     * none recorded through the SDK fails to: the state {@code close} exists for.
     */
    private Ticket closable() {
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        var actor = Actor.of(agent);
        ticket = rapport.tickets().assign(actor, ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        ticket = rapport.tickets().addProgress(actor, ticket.id(), AddProgress.note("Looking into it.",
                Visibility.CUSTOMER, ticket.version()));
        var resolved = rapport.tickets().resolve(actor, ticket.id(), new ResolveTicket(ticket.version(),
                "Restarted the sync job.", CommunicationMethod.PHONE));
        interleaving.direct(tx -> {
            tx.tickets().addConfirmation(resolved.id(), new Confirmation(Opinion.SATISFIED,
                    Optional.of(CommunicationMethod.PHONE), Optional.empty(), agent.id(), clock.instant()));
            return null;
        });
        return resolved;
    }
}
