package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.AssignmentMode;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §4: departments hand out new tickets by hand, in turn, or to the least loaded agent. */
class AssignmentModesTest {
    private static final DepartmentId AFTER_SALES = DepartmentId.of("after-sales");
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;

    /** Three front-line agents of After-Sales, by employee id, beside people who never get tickets by rotation. */
    private List<User> agents(TestDatabase db) {
        rapport = rapports.start(db);
        user(rapport, Role.EXPERT, "after-sales");
        user(rapport, Role.SUPERVISOR, "after-sales");
        user(rapport, Role.AGENT, "sales");
        return Stream.of(user(rapport, Role.AGENT, "after-sales"), user(rapport, Role.AGENT, "after-sales"),
                user(rapport, Role.AGENT, "after-sales")).sorted(Comparator.comparing(User::employeeId)).toList();
    }

    private Ticket complaint(Priority priority) {
        return rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).priority(priority)
                .urgent(priority == Priority.P1 || priority == Priority.P3)
                .important(priority == Priority.P1 || priority == Priority.P2).build());
    }

    @StorageTest
    void aManualDepartmentLeavesNewTicketsInItsQueue(TestDatabase db) {
        agents(db);

        var ticket = complaint(Priority.P2);

        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.assigneeId()).isEmpty();
    }

    @StorageTest
    void roundRobinGivesTheFrontLineAgentsTheirTurnInOrder(TestDatabase db) {
        var agents = agents(db);
        rapport.departments().changeAssignmentMode(Actor.system(), AFTER_SALES, AssignmentMode.ROUND_ROBIN);

        var assignees = Stream.generate(() -> complaint(Priority.P3)).limit(4)
                .map(t -> t.assigneeId().orElseThrow()).toList();

        assertThat(assignees).containsExactly(agents.get(0).id(), agents.get(1).id(), agents.get(2).id(),
                agents.get(0).id());
        assertThat(rapport.tickets().get(Actor.system(), complaint(Priority.P3).id()).ticket().status())
                .isEqualTo(TicketStatus.ASSIGNED);
    }

    @StorageTest
    void leastLoadedWeighsOpenWorkByPriority(TestDatabase db) {
        var agents = agents(db);
        give(complaint(Priority.P1), agents.get(0).id());          // 4
        give(complaint(Priority.P4), agents.get(1).id());          // 1 + 1 + 1 = 3
        give(complaint(Priority.P4), agents.get(1).id());
        give(complaint(Priority.P4), agents.get(1).id());
        give(complaint(Priority.P2), agents.get(2).id());          // 3 + 2 = 5
        give(complaint(Priority.P3), agents.get(2).id());
        rapport.departments().changeAssignmentMode(Actor.system(), AFTER_SALES, AssignmentMode.LEAST_LOADED);

        var first = complaint(Priority.P2);                        // agent 1: 3 → 6
        var second = complaint(Priority.P4);                       // agent 0: 4 → 5

        assertThat(first.assigneeId()).contains(agents.get(1).id());
        assertThat(second.assigneeId()).contains(agents.get(0).id());
    }

    @StorageTest
    void onlyDepartmentAdminsChangeTheModeOfKnownDepartments(TestDatabase db) {
        agents(db);
        var agent = Actor.of(user(rapport, Role.AGENT, "after-sales"));

        assertThatThrownBy(() -> rapport.departments().changeAssignmentMode(agent, AFTER_SALES,
                AssignmentMode.ROUND_ROBIN)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rapport.departments().changeAssignmentMode(Actor.system(),
                DepartmentId.of("nowhere"), AssignmentMode.ROUND_ROBIN)).isInstanceOf(NotFoundException.class);
        assertThat(rapport.departments().list(Actor.system()).stream()
                .filter(d -> d.id().equals(AFTER_SALES)).findFirst().orElseThrow().assignmentMode())
                .isEqualTo(AssignmentMode.MANUAL);
    }

    private void give(Ticket ticket, UserId agent) {
        rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent, ticket.version()));
    }
}
