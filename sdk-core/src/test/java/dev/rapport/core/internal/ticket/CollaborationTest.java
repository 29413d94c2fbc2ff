package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.CollaborationRequested;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CollaborationRequest;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.RequestCollaboration;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §4: cross-department collaboration is a request recorded on the ticket and told to the other department. */
class CollaborationTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final DepartmentId TECHNICAL_SUPPORT = DepartmentId.of("technical-support");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private User agent;
    private Ticket ticket;

    /** A complaint of After-Sales, assigned to its agent. */
    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).listener(heard));
        agent = user(rapport, Role.AGENT, "after-sales");
        var opened = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        ticket = rapport.tickets().assign(Actor.system(), opened.id(), AssignTicket.to(agent.id(), opened.version()));
    }

    @StorageTest
    void aRequestIsRecordedOnTheTicketAndToldToTheOtherDepartmentsWorkers(TestDatabase db) throws Exception {
        start(db);
        var expert = user(rapport, Role.EXPERT, "technical-support");
        var supportAgent = user(rapport, Role.AGENT, "technical-support");
        user(rapport, Role.ADMIN, "technical-support"); // reads everything, works no tickets: not asked
        user(rapport, Role.AGENT, "after-sales"); // the ticket's own department: not asked

        var recorded = rapport.tickets().requestCollaboration(Actor.of(agent), ticket.id(),
                new RequestCollaboration(TECHNICAL_SUPPORT, "  Please check the firmware logs of unit 7  "));

        assertThat(recorded.departmentId()).isEqualTo(TECHNICAL_SUPPORT);
        assertThat(recorded.request()).isEqualTo("Please check the firmware logs of unit 7");
        assertThat(recorded.requestedBy()).isEqualTo(agent.id());
        assertThat(recorded.at()).isEqualTo(T0);
        var details = rapport.tickets().get(Actor.of(agent), ticket.id());
        assertThat(details.collaborations()).containsExactly(recorded);
        assertThat(details.ticket().version()).as("the ticket itself did not change").isEqualTo(ticket.version());
        var audited = rapport.tickets().history(Actor.system(), ticket.id()).getLast();
        assertThat(audited.action()).isEqualTo("ticket.collaboration.requested");
        assertThat(audited.changes()).containsKeys("collaborationId", "departmentId", "request");
        var told = heard.await(CollaborationRequested.class, 1).getFirst();
        assertThat(told.collaborationId()).isEqualTo(recorded.id());
        assertThat(told.departmentId()).isEqualTo(TECHNICAL_SUPPORT);
        assertThat(told.request()).isEqualTo(recorded.request());
        assertThat(told.recipients()).containsExactlyInAnyOrder(expert.id(), supportAgent.id());
    }

    @StorageTest
    void aDepartmentWithNobodyToWorkTicketsHearsThroughTheSupervisors(TestDatabase db) throws Exception {
        start(db);
        var supervisor = user(rapport, Role.SUPERVISOR, "after-sales");

        rapport.tickets().requestCollaboration(Actor.of(agent), ticket.id(),
                new RequestCollaboration(DepartmentId.of("finance"), "Can we refund the shipping costs?"));

        assertThat(heard.await(CollaborationRequested.class, 1).getFirst().recipients())
                .containsExactly(supervisor.id());
    }

    @StorageTest
    void theTicketsOwnDepartmentAndUnknownDepartmentsAreRefused(TestDatabase db) {
        start(db);

        assertThatThrownBy(() -> rapport.tickets().requestCollaboration(Actor.of(agent), ticket.id(),
                new RequestCollaboration(DepartmentId.of("after-sales"), "Help")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("departmentId"));
        assertThatThrownBy(() -> rapport.tickets().requestCollaboration(Actor.of(agent), ticket.id(),
                new RequestCollaboration(DepartmentId.of("no-such-department"), "Help")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("departmentId"));
        assertThatThrownBy(() -> rapport.tickets().requestCollaboration(Actor.of(agent), ticket.id(),
                new RequestCollaboration(null, " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("departmentId", "request"));
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).collaborations()).isEmpty();
    }

    @StorageTest
    void askingForHelpIsWorkOnAnOpenTicket(TestDatabase db) {
        start(db);
        var request = new RequestCollaboration(TECHNICAL_SUPPORT, "Please check the logs");

        assertThatThrownBy(() -> rapport.tickets().requestCollaboration(actor(rapport, Role.AGENT, "sales"),
                ticket.id(), request)).as("a ticket the agent may not see").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.tickets().requestCollaboration(actor(rapport, Role.ADMIN, "after-sales"),
                ticket.id(), request)).isInstanceOf(ForbiddenException.class);

        var closed = close(ticket);
        assertThatThrownBy(() -> rapport.tickets().requestCollaboration(Actor.of(agent), closed.id(), request))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ticket.closed"));
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).collaborations())
                .extracting(CollaborationRequest::request).isEmpty();
    }

    private Ticket close(Ticket assigned) {
        var tickets = rapport.tickets();
        var worked = tickets.addProgress(Actor.of(agent), assigned.id(),
                AddProgress.note("Replaced the part", Visibility.CUSTOMER, assigned.version()));
        var resolved = tickets.resolve(Actor.of(agent), worked.id(),
                new ResolveTicket(worked.version(), "Replaced the part", CommunicationMethod.PHONE));
        return tickets.confirm(Actor.of(agent), resolved.id(), new ConfirmResolution(resolved.version(),
                Opinion.SATISFIED, Optional.empty(), Optional.empty()));
    }
}
