package dev.rapport.core.internal.ticket;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;

    private void start(TestDatabase db) {
        rapport = rapports.start(db);
    }


    @StorageTest
    void aNewTicketIsRoutedToItsTypesDepartmentWithSlaDeadlines(TestDatabase db) {
        start(db);
        Customer customer = customer(rapport);
        Ticket ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());

        assertThat(ticket.number()).matches("T2026\\d{6}");
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.priority()).isEqualTo(Priority.P1);
        assertThat(ticket.departmentId()).isEqualTo(DepartmentId.of("after-sales"));
        assertThat(ticket.sla().firstResponseDue()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(ticket.sla().resolutionDue()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket()).isEqualTo(ticket);
    }

    @StorageTest
    void eachTypeGoesToItsDefaultDepartment(TestDatabase db) {
        start(db);
        var customer = customer(rapport);
        var expected = Map.of("CONSULTATION", "customer-service", "COMPLAINT", "after-sales",
                "CHANGE_REQUEST", "product", "AFTER_SALES_SUPPORT", "technical-support", "VALUE_ADDED", "account-management");
        expected.forEach((type, department) -> assertThat(
                rapport.tickets().open(Actor.system(), aTicket(customer.id()).type(type).build()).departmentId())
                .as(type).isEqualTo(DepartmentId.of(department)));
    }

    @StorageTest
    void priorityFollowsTheUrgentImportantMatrix(TestDatabase db) {
        start(db);
        var customer = customer(rapport);
        var onlyImportant = OpenTicket.builder().customer(customer.id()).type("CONSULTATION")
                .description("Which plan fits us?").important(true).build();
        assertThat(rapport.tickets().open(Actor.system(), onlyImportant).priority()).isEqualTo(Priority.P2);
        var explicit = aTicket(customer.id()).priority(Priority.P4).urgent(false).important(false).build();
        assertThat(rapport.tickets().open(Actor.system(), explicit).priority()).isEqualTo(Priority.P4);
    }

    @StorageTest
    void badIntakeNamesEveryFieldAndStoresNothing(TestDatabase db) {
        start(db);
        var customer = customer(rapport);
        var bad = OpenTicket.builder().customer(CustomerId.of("no-such-customer"))
                .type("REFUND").description(" ").relatedTo(TicketId.of("no-such-ticket")).build();

        assertThatThrownBy(() -> rapport.tickets().open(Actor.system(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("description", "priority", "customerId", "type", "relatedTicketIds[0]"));
        var contradicting = aTicket(customer.id()).priority(Priority.P4).build();
        assertThatThrownBy(() -> rapport.tickets().open(Actor.system(), contradicting))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("priority"));
        assertThat(rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first()).items()).isEmpty();
    }

    @StorageTest
    void theWholeFlowFromIntakeToClosureIsAudited(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "after-sales");
        var asAgent = Actor.of(agent);
        var tickets = rapport.tickets();
        var ticket = tickets.open(asAgent, aTicket(customer(rapport).id()).build());

        ticket = tickets.assign(asAgent, ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);

        clock.advance(Duration.ofMinutes(10));
        ticket = tickets.addProgress(asAgent, ticket.id(), AddProgress.note("Looked at the logs", Visibility.INTERNAL, ticket.version()));
        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(ticket.firstRespondedAt()).as("internal notes are no response").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        ticket = tickets.addProgress(asAgent, ticket.id(), AddProgress.note("We found the cause", Visibility.CUSTOMER, ticket.version()));
        assertThat(ticket.firstRespondedAt()).contains(T0.plus(Duration.ofMinutes(15)));
        assertThat(ticket.sla().nextUpdateDue()).isEqualTo(T0.plus(Duration.ofMinutes(15)).plus(Duration.ofHours(2)));

        ticket = tickets.resolve(asAgent, ticket.id(), new ResolveTicket(ticket.version(), "Restarted the sync job", CommunicationMethod.PHONE));
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);

        ticket = tickets.confirm(asAgent, ticket.id(), new ConfirmResolution(ticket.version(), Opinion.SATISFIED,
                Optional.of(CommunicationMethod.PHONE), Optional.empty()));
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.closedAt()).isPresent();

        var details = tickets.get(asAgent, ticket.id());
        assertThat(details.progress()).extracting(p -> p.action()).containsExactly("Looked at the logs", "We found the cause");
        assertThat(details.confirmations()).extracting(c -> c.opinion()).containsExactly(Opinion.SATISFIED);
        assertThat(tickets.history(asAgent, ticket.id())).extracting(AuditEntry::action).containsExactly(
                "ticket.opened", "ticket.assigned", "ticket.progress", "ticket.progress", "ticket.resolved", "ticket.closed");
        assertThat(tickets.history(asAgent, ticket.id()).get(1).changes().get("status").after()).contains("ASSIGNED");
        assertThat(tickets.history(asAgent, ticket.id())).allSatisfy(e -> assertThat(e.actorId()).isEqualTo(agent.id()));
    }

    @StorageTest
    void anAnswerOtherThanSatisfiedReopensWithTheReason(TestDatabase db) {
        start(db);
        var ticket = resolvedTicket();
        assertThatThrownBy(() -> rapport.tickets().confirm(Actor.system(), ticket.id(),
                new ConfirmResolution(ticket.version(), Opinion.UNSATISFIED, Optional.empty(), Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("comment"));

        var reopened = rapport.tickets().confirm(Actor.system(), ticket.id(), new ConfirmResolution(ticket.version(),
                Opinion.NEEDS_ADJUSTMENT, Optional.empty(), Optional.of("Still slow at night")));
        assertThat(reopened.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(reopened.resolution()).isEmpty();
        var resumed = rapport.tickets().addProgress(Actor.system(), ticket.id(),
                AddProgress.note("Checking the night batch", Visibility.CUSTOMER, reopened.version()));
        assertThat(resumed.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @StorageTest
    void closingWithoutSatisfiedConfirmationIsRefused(TestDatabase db) {
        start(db);
        var ticket = resolvedTicket();
        assertThatThrownBy(() -> rapport.tickets().close(Actor.system(), ticket.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ticket.close.unconfirmed"));
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket().status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @StorageTest
    void closingAClosedTicketConfirmsItIsClosed(TestDatabase db) {
        start(db);
        var resolved = resolvedTicket();
        var closed = rapport.tickets().confirm(Actor.system(), resolved.id(), new ConfirmResolution(resolved.version(),
                Opinion.SATISFIED, Optional.empty(), Optional.empty()));
        var again = rapport.tickets().close(Actor.system(), closed.id());
        assertThat(again.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(again.version()).isEqualTo(closed.version());
        assertThat(rapport.tickets().history(Actor.system(), closed.id())).filteredOn(e -> e.action().equals("ticket.closed"))
                .hasSize(1);
    }

    @StorageTest
    void anActorWithoutTheRightIsForbiddenBeforeAnyConflict(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        var admin = actor(rapport, Role.ADMIN, "customer-service");
        assertThatThrownBy(() -> rapport.tickets().addProgress(admin, ticket.id(),
                AddProgress.note("note", Visibility.INTERNAL, ticket.version() + 7)))
                .isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void anAgentCannotTakeAColleaguesTicketWithoutTheAssignRight(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        User colleague = user(rapport, Role.AGENT, "after-sales");
        User agent = user(rapport, Role.AGENT, "after-sales");
        var taken = rapport.tickets().assign(Actor.of(colleague), ticket.id(), AssignTicket.to(colleague.id(), ticket.version()));
        assertThatThrownBy(() -> rapport.tickets().assign(Actor.of(agent), ticket.id(), AssignTicket.to(agent.id(), taken.version())))
                .isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void illegalTransitionsAreRefusedNamingBothStates(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        assertThatThrownBy(() -> rapport.tickets().resolve(Actor.system(), ticket.id(),
                new ResolveTicket(ticket.version(), "done", CommunicationMethod.EMAIL)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("NEW").hasMessageContaining("RESOLVED");
        assertThatThrownBy(() -> rapport.tickets().addProgress(Actor.system(), ticket.id(), new AddProgress(ticket.version(),
                "working", Optional.of(TicketStatus.IN_PROGRESS), Visibility.INTERNAL, Optional.empty())))
                .isInstanceOf(ConflictException.class);
        assertThat(rapport.tickets().history(Actor.system(), ticket.id())).hasSize(1);
    }

    @StorageTest
    void closedTicketsAreReadOnly(TestDatabase db) {
        start(db);
        var resolved = resolvedTicket();
        var closed = rapport.tickets().confirm(Actor.system(), resolved.id(), new ConfirmResolution(resolved.version(),
                Opinion.SATISFIED, Optional.empty(), Optional.empty()));
        assertThatThrownBy(() -> rapport.tickets().addProgress(Actor.system(), closed.id(),
                AddProgress.note("one more thing", Visibility.INTERNAL, closed.version())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ticket.closed"));
        var supervisor = actor(rapport, Role.SUPERVISOR, "after-sales");
        assertThatThrownBy(() -> rapport.tickets().assign(supervisor, closed.id(),
                new AssignTicket(closed.version(), Optional.of(DepartmentId.of("sales")), Optional.empty())))
                .isInstanceOf(ConflictException.class);
    }

    @StorageTest
    void aStaleVersionLosesAndNothingIsWritten(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        var agent = user(rapport, Role.AGENT, "after-sales");
        rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));

        assertThatThrownBy(() -> rapport.tickets().assign(Actor.system(), ticket.id(),
                new AssignTicket(ticket.version(), Optional.of(DepartmentId.of("sales")), Optional.empty())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ticket.version.stale"));
        var stored = rapport.tickets().get(Actor.system(), ticket.id()).ticket();
        assertThat(stored.assigneeId()).contains(agent.id());
        assertThat(stored.version()).isEqualTo(ticket.version() + 1);
    }

    @StorageTest
    void agentsWorkOnlyTheirDepartmentsTicketsAndAssignOnlyThemselves(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        User elsewhere = user(rapport, Role.AGENT, "sales");
        User colleague = user(rapport, Role.AGENT, "after-sales");
        User agent = user(rapport, Role.AGENT, "after-sales");

        assertThatThrownBy(() -> rapport.tickets().get(Actor.of(elsewhere), ticket.id()))
                .as("another department's ticket is not there for the agent").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.tickets().assign(Actor.of(agent), ticket.id(), AssignTicket.to(colleague.id(), ticket.version())))
                .isInstanceOf(ForbiddenException.class);
        var taken = rapport.tickets().assign(Actor.of(agent), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        assertThat(taken.assigneeId()).contains(agent.id());
        assertThat(rapport.tickets().list(Actor.of(elsewhere), TicketFilter.all(), PageRequest.first()).items()).isEmpty();
        assertThat(rapport.tickets().list(Actor.of(colleague), TicketFilter.all(), PageRequest.first()).items()).hasSize(1);
    }

    @StorageTest
    void assigneesMustBelongToTheTicketsDepartment(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        User salesAgent = user(rapport, Role.AGENT, "sales");
        assertThatThrownBy(() -> rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(salesAgent.id(), ticket.version())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("assigneeId"));
        var redirected = rapport.tickets().assign(Actor.system(), ticket.id(),
                new AssignTicket(ticket.version(), Optional.of(DepartmentId.of("sales")), Optional.of(salesAgent.id())));
        assertThat(redirected.departmentId()).isEqualTo(DepartmentId.of("sales"));
        assertThat(redirected.status()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @StorageTest
    void waitingForTheCustomerPausesTheSlaAndResumingShiftsIt(TestDatabase db) {
        start(db);
        var ticket = inProgressTicket();
        var due = ticket.sla().resolutionDue();
        ticket = rapport.tickets().addProgress(Actor.system(), ticket.id(), new AddProgress(ticket.version(),
                "Asked for the error log", Optional.of(TicketStatus.WAITING_CUSTOMER), Visibility.CUSTOMER, Optional.empty()));
        assertThat(ticket.sla().paused()).isTrue();
        clock.advance(Duration.ofHours(30));
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket().sla().breached()).doesNotContain(SlaTarget.RESOLUTION);
        ticket = rapport.tickets().addProgress(Actor.system(), ticket.id(), new AddProgress(ticket.version(),
                "Log received", Optional.of(TicketStatus.IN_PROGRESS), Visibility.INTERNAL, Optional.empty()));
        assertThat(ticket.sla().paused()).isFalse();
        assertThat(ticket.sla().resolutionDue()).isEqualTo(due.plus(Duration.ofHours(30)));
    }

    @StorageTest
    void aMissedFirstResponseShowsAsBreached(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        clock.advance(Duration.ofMinutes(31));
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket().sla().breached()).contains(SlaTarget.FIRST_RESPONSE);
    }

    @StorageTest
    void listsFilterAndPageNewestFirst(TestDatabase db) {
        start(db);
        var customer = customer(rapport);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            rapport.tickets().open(Actor.system(), aTicket(customer.id()).type(i % 2 == 0 ? "COMPLAINT" : "CONSULTATION").build());
        }
        var first = rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first(3));
        assertThat(first.items()).hasSize(3);
        var second = rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.after(first.nextCursor().orElseThrow(), 3));
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isEmpty();
        var all = new ArrayList<>(first.items());
        all.addAll(second.items());
        assertThat(all).extracting(Ticket::createdAt).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(rapport.tickets().list(Actor.system(), TicketFilter.all().withDepartment(DepartmentId.of("customer-service")),
                PageRequest.first()).items()).hasSize(2);
        assertThat(rapport.tickets().list(Actor.system(), TicketFilter.all().withStatuses(Set.of(TicketStatus.CLOSED)),
                PageRequest.first()).items()).isEmpty();
    }

    @StorageTest
    void unknownTicketsAreNotFound(TestDatabase db) {
        start(db);
        assertThatThrownBy(() -> rapport.tickets().get(Actor.system(), TicketId.of("nope"))).isInstanceOf(NotFoundException.class);
    }

    private Ticket inProgressTicket() {
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        var agent = user(rapport, Role.AGENT, "after-sales");
        ticket = rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        return rapport.tickets().addProgress(Actor.system(), ticket.id(), AddProgress.note("On it", Visibility.CUSTOMER, ticket.version()));
    }

    private Ticket resolvedTicket() {
        var ticket = inProgressTicket();
        return rapport.tickets().resolve(Actor.system(), ticket.id(),
                new ResolveTicket(ticket.version(), "Restarted the sync job", CommunicationMethod.PHONE));
    }
}
