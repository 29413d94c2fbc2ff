package dev.rapport.core.internal.ticket;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.TicketEscalated;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.EscalateTicket;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.SlaWatch;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §5's warnings and breaches, SPEC §4's escalation tiers and first-ask ownership. */
class SlaMonitorTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z"); // a Monday, 10:00 in Shanghai
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private User agent;
    private User expert;
    private User supervisor;

    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).listener(heard));
        agent = user(rapport, Role.AGENT, "after-sales");
        expert = user(rapport, Role.EXPERT, "after-sales");
        supervisor = user(rapport, Role.SUPERVISOR, "after-sales");
    }

    /** A P1 complaint (After-Sales, 24×7: first response in 30 minutes) assigned to the agent. */
    private Ticket assignedP1() {
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        return rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
    }

    @StorageTest
    void theAssigneeIsWarnedAtEightyPercentOfTheTargetOnce(TestDatabase db) throws Exception {
        start(db);
        var ticket = assignedP1();

        clock.advance(Duration.ofMinutes(23));
        assertThat(rapport.runDueWork()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(rapport.runDueWork()).isEqualTo(1);
        assertThat(rapport.runDueWork()).isZero();

        var warning = heard.await(SlaAlarmRaised.class, 1).getFirst();
        assertThat(warning.alarm()).isEqualTo(SlaAlarm.WARNING);
        assertThat(warning.target()).isEqualTo(SlaTarget.FIRST_RESPONSE);
        assertThat(warning.recipients()).containsExactly(agent.id());
        assertThat(warning.due()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(alarms(ticket.id())).hasSize(1);
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket().sla().atRisk())
                .containsExactly(SlaTarget.FIRST_RESPONSE);
    }

    @StorageTest
    void breachesTellTheSupervisorsAndEscalateThroughTheTiers(TestDatabase db) throws Exception {
        start(db);
        var ticket = assignedP1();

        clock.advance(Duration.ofMinutes(31));
        rapport.runDueWork();
        var afterFirstResponse = rapport.tickets().get(Actor.system(), ticket.id()).ticket();
        assertThat(afterFirstResponse.escalation()).isEqualTo(EscalationLevel.EXPERTS);
        assertThat(afterFirstResponse.sla().breached()).containsExactly(SlaTarget.FIRST_RESPONSE);

        clock.advance(Duration.ofHours(24));
        rapport.runDueWork();
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket().escalation())
                .isEqualTo(EscalationLevel.MANAGEMENT);

        rapports.awaitAllDelivered(rapport);
        var escalations = heard.of(TicketEscalated.class);
        assertThat(escalations.get(0).recipients()).containsExactly(expert.id());
        assertThat(escalations.get(0).byBreach()).isTrue();
        assertThat(escalations.get(1).to()).isEqualTo(EscalationLevel.MANAGEMENT);
        assertThat(escalations.get(1).recipients()).containsExactly(supervisor.id());
        var breaches = heard.of(SlaAlarmRaised.class).stream().filter(a -> a.alarm() == SlaAlarm.BREACH).toList();
        assertThat(breaches).extracting(SlaAlarmRaised::target)
                .containsExactly(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION);
        assertThat(breaches).allSatisfy(b -> assertThat(b.recipients()).containsExactly(supervisor.id()));
    }

    @StorageTest
    void aMissedCustomerUpdateWarnsTheAssigneeWithoutEscalating(TestDatabase db) throws Exception {
        start(db);
        var ticket = assignedP1();
        rapport.tickets().addProgress(Actor.of(agent), ticket.id(), new AddProgress(ticket.version(),
                "Restarted the sync job", Optional.of(TicketStatus.IN_PROGRESS), Visibility.CUSTOMER, Optional.empty()));

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        rapport.runDueWork();

        rapports.awaitAllDelivered(rapport);
        var missed = heard.of(SlaAlarmRaised.class).getLast();
        assertThat(missed.target()).isEqualTo(SlaTarget.CUSTOMER_UPDATE);
        assertThat(missed.alarm()).isEqualTo(SlaAlarm.BREACH);
        assertThat(missed.recipients()).containsExactly(agent.id());
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket().escalation())
                .isEqualTo(EscalationLevel.FRONT_LINE);
    }

    @StorageTest
    void waitingForTheCustomerRaisesNothing(TestDatabase db) {
        start(db);
        var ticket = assignedP1();
        rapport.tickets().addProgress(Actor.of(agent), ticket.id(), new AddProgress(ticket.version(),
                "Asked for the log files", Optional.of(TicketStatus.WAITING_CUSTOMER), Visibility.CUSTOMER,
                Optional.empty()));

        clock.advance(Duration.ofDays(3));

        assertThat(rapport.runDueWork()).isZero();
        assertThat(rapport.tickets().list(Actor.system(), TicketFilter.all().withSla(SlaWatch.OVERDUE),
                PageRequest.first(10)).items()).isEmpty();
    }

    @StorageTest
    void theMonitorListsAtRiskAndOverdueTicketsNearestDeadlineFirst(TestDatabase db) {
        start(db);
        var first = assignedP1();
        clock.advance(Duration.ofMinutes(5));
        var second = assignedP1();
        clock.advance(Duration.ofMinutes(20)); // first at 25 of 30 minutes, second at 20

        assertThat(ids(SlaWatch.AT_RISK)).containsExactly(first.id());
        clock.advance(Duration.ofMinutes(5)); // 30 and 25
        assertThat(ids(SlaWatch.OVERDUE)).containsExactly(first.id());
        assertThat(ids(SlaWatch.AT_RISK)).containsExactly(second.id());
        clock.advance(Duration.ofMinutes(10));
        assertThat(ids(SlaWatch.OVERDUE)).containsExactly(first.id(), second.id());
        var page = rapport.tickets().list(Actor.system(), TicketFilter.all().withSla(SlaWatch.OVERDUE),
                PageRequest.first(1));
        var next = rapport.tickets().list(Actor.system(), TicketFilter.all().withSla(SlaWatch.OVERDUE),
                PageRequest.after(page.nextCursor().orElseThrow(), 1));
        assertThat(next.items()).extracting(Ticket::id).containsExactly(second.id());
    }

    @StorageTest
    void escalatingByHandGoesOneLevelUpAndNoFurtherThanManagement(TestDatabase db) {
        start(db);
        var ticket = assignedP1();
        var toExperts = rapport.tickets().escalate(Actor.of(agent), ticket.id(),
                new EscalateTicket(ticket.version(), "Needs a firmware engineer"));
        var toManagement = rapport.tickets().escalate(Actor.of(agent), ticket.id(),
                new EscalateTicket(toExperts.version(), "Customer threatens to cancel"));

        assertThat(toExperts.escalation()).isEqualTo(EscalationLevel.EXPERTS);
        assertThat(toManagement.escalation()).isEqualTo(EscalationLevel.MANAGEMENT);
        assertThatThrownBy(() -> rapport.tickets().escalate(Actor.of(agent), ticket.id(),
                new EscalateTicket(toManagement.version(), "Again")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ticket.escalation.top"));
    }

    @StorageTest
    void theExpertWhoAcceptsOwnsTheTicketAndOnlyASupervisorReassignsIt(TestDatabase db) {
        start(db);
        var ticket = assignedP1();
        assertThatThrownBy(() -> rapport.tickets().accept(Actor.of(expert), ticket.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ticket.accept.not-escalated"));
        rapport.tickets().escalate(Actor.of(agent), ticket.id(), new EscalateTicket(ticket.version(), "Firmware"));

        var accepted = rapport.tickets().accept(Actor.of(expert), ticket.id());
        assertThat(accepted.assigneeId()).contains(expert.id());
        assertThat(accepted.ownerId()).contains(expert.id());

        var anotherAgent = user(rapport, Role.AGENT, "after-sales");
        var assignAll = new Actor(anotherAgent.id(), anotherAgent.departmentId(),
                EnumSet.of(Permission.TICKET_READ, Permission.TICKET_WORK, Permission.TICKET_ASSIGN));
        assertThatThrownBy(() -> rapport.tickets().assign(assignAll, ticket.id(),
                AssignTicket.to(anotherAgent.id(), accepted.version())))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("ticket.owned"));

        var reassigned = rapport.tickets().assign(Actor.of(supervisor), ticket.id(),
                AssignTicket.to(anotherAgent.id(), accepted.version()));
        assertThat(reassigned.assigneeId()).contains(anotherAgent.id());
        assertThat(reassigned.ownerId()).contains(anotherAgent.id());
    }

    @StorageTest
    void twoInstancesOnOneDatabaseRaiseEachAlarmExactlyOnce(TestDatabase db) throws Exception {
        var coordinates = db.fresh();
        rapport = rapports.start(Fixtures.builder(coordinates, clock));
        var other = rapports.start(Fixtures.builder(coordinates, clock));
        agent = user(rapport, Role.AGENT, "after-sales");
        var tickets = new ArrayList<Ticket>();
        for (int i = 0; i < 30; i++) {
            tickets.add(assignedP1());
        }

        clock.advance(Duration.ofMinutes(25));
        int warnings = race(rapport, other);
        clock.advance(Duration.ofMinutes(10));
        int breaches = race(rapport, other);

        assertThat(warnings).isEqualTo(30);
        assertThat(breaches).isEqualTo(30);
        for (Ticket ticket : tickets) {
            assertThat(alarms(ticket.id())).extracting(e -> e.changes().keySet())
                    .containsExactly(Set.of("FIRST_RESPONSE.WARNING"), Set.of("FIRST_RESPONSE.BREACH", "escalation"));
        }
    }

    /** Both instances scan at once; the tickets that got an alarm, counted over both. */
    private static int race(Rapport one, Rapport two) throws Exception {
        var start = new CountDownLatch(1);
        // Threads of their own: the common pool may have one thread only, and would run the scans one after the other.
        try (var threads = Executors.newFixedThreadPool(2)) {
            var first = CompletableFuture.supplyAsync(() -> awaitThen(start, one::runDueWork), threads);
            var second = CompletableFuture.supplyAsync(() -> awaitThen(start, two::runDueWork), threads);
            start.countDown();
            return first.get() + second.get();
        }
    }

    private static int awaitThen(CountDownLatch start, IntSupplier work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.getAsInt();
    }

    private List<AuditEntry> alarms(TicketId id) {
        return rapport.tickets().history(Actor.system(), id).stream()
                .filter(entry -> entry.action().equals("ticket.sla.alarm")).toList();
    }

    private List<TicketId> ids(SlaWatch watch) {
        return rapport.tickets().list(Actor.system(), TicketFilter.all().withSla(watch), PageRequest.first(50))
                .items().stream().map(Ticket::id).toList();
    }
}
