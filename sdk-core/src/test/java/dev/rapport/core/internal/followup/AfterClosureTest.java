package dev.rapport.core.internal.followup;

import dev.rapport.api.PageRequest;
import dev.rapport.api.event.FollowUpScheduled;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.EscalateTicket;
import dev.rapport.api.ticket.Opinion;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** SPEC §6's 3-7-30 plan: what a ticket's closure plans, when it is due and who owns it. */
class AfterClosureTest {
    /** A Monday, 10:00 in Shanghai (the default business zone). */
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();

    private Rapport start(TestDatabase db) {
        return rapports.start(rapports.builder(db).listener(heard));
    }

    @StorageTest
    void aClosedTicketYieldsTheDay3Day7AndDay30FollowUpsAtTheRightTimesForTheRightOwners(TestDatabase db)
            throws InterruptedException {
        var rapport = start(db);
        var agent = user(rapport, Role.AGENT, "after-sales");
        var manager = user(rapport, Role.ACCOUNT_MANAGER, "account-management");
        var customer = rapport.customers().create(Actor.system(), aCustomer().accountManagerId(manager.id()).build());
        clock.advance(Duration.ofHours(5)); // closed at 15:00 on Monday 23 November, Shanghai time

        var ticket = Closing.closedBy(rapport, customer.id(), agent);

        assertThat(followUpsOf(rapport, ticket))
                .extracting(FollowUp::kind, FollowUp::ownerId, FollowUp::dueAt, FollowUp::overdueAt, FollowUp::state)
                .containsExactly(
                        tuple(FollowUpKind.SATISFACTION_CHECK, agent.id(), Instant.parse("2026-11-26T01:00:00Z"),
                                Instant.parse("2026-11-26T16:00:00Z"), FollowUpState.PENDING),
                        tuple(FollowUpKind.USAGE_GUIDE, agent.id(), Instant.parse("2026-11-30T01:00:00Z"),
                                Instant.parse("2026-11-30T16:00:00Z"), FollowUpState.PENDING),
                        tuple(FollowUpKind.ACCOUNT_VISIT, manager.id(), Instant.parse("2026-12-23T01:00:00Z"),
                                Instant.parse("2026-12-23T16:00:00Z"), FollowUpState.PENDING));
        assertThat(followUpsOf(rapport, ticket)).allSatisfy(followUp -> {
            assertThat(followUp.customerId()).isEqualTo(customer.id());
            assertThat(followUp.ticketId()).contains(ticket.id());
            assertThat(followUp.purpose()).contains(ticket.number());
        });
        assertThat(followUpsOf(rapport, ticket)).extracting(FollowUp::departmentId).containsExactly(
                Optional.of(DepartmentId.of("after-sales")), Optional.of(DepartmentId.of("after-sales")),
                Optional.of(DepartmentId.of("account-management")));

        var scheduled = heard.await(FollowUpScheduled.class, 3);
        assertThat(scheduled).extracting(FollowUpScheduled::recipients).containsOnly(List.of());
        // Events of different subjects are delivered in parallel lanes, so only the transaction they share is checked.
        var closedAt = heard.await(TicketClosed.class, 1).getFirst().occurredAt();
        assertThat(scheduled).extracting(FollowUpScheduled::occurredAt).as("planned in the closing transaction")
                .containsOnly(closedAt);
    }

    @StorageTest
    void theTicketsOwnerAfterEscalationOwnsTheFirstTwoAndTheHandlerStandsInForAMissingAccountManager(
            TestDatabase db) {
        var rapport = start(db);
        var agent = user(rapport, Role.AGENT, "after-sales");
        var expert = user(rapport, Role.EXPERT, "after-sales");
        var customer = customer(rapport);
        var ticket = Closing.assigned(rapport, customer.id(), agent);
        ticket = rapport.tickets().escalate(Actor.of(agent), ticket.id(),
                new EscalateTicket(ticket.version(), "Needs the firmware team"));
        var accepted = rapport.tickets().accept(Actor.of(expert), ticket.id());

        Closing.close(rapport, accepted, expert);

        assertThat(followUpsOf(rapport, accepted)).extracting(FollowUp::kind, FollowUp::ownerId).containsExactly(
                tuple(FollowUpKind.SATISFACTION_CHECK, expert.id()),
                tuple(FollowUpKind.USAGE_GUIDE, expert.id()),
                tuple(FollowUpKind.ACCOUNT_VISIT, expert.id()));
    }

    @StorageTest
    void aDepartmentWithoutSupervisorsFallsBackToASupervisorOfAnotherDepartment(TestDatabase db) {
        var plan = FollowUpPlan.standard().withStep(new FollowUpPlan.Step(FollowUpKind.SATISFACTION_CHECK,
                Period.ofDays(3), FollowUpPlan.Owner.SUPERVISOR));
        var rapport = rapports.start(rapports.builder(db).followUpPlan(plan));
        var agent = user(rapport, Role.AGENT, "after-sales");
        var elsewhere = user(rapport, Role.SUPERVISOR, "customer-service");

        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);

        assertThat(followUpsOf(rapport, ticket).getFirst().ownerId()).isEqualTo(elsewhere.id());
    }

    @StorageTest
    void theOffsetsOwnersAndStartOfBusinessAreConfigurable(TestDatabase db) {
        var plan = FollowUpPlan.standard()
                .withStep(new FollowUpPlan.Step(FollowUpKind.SATISFACTION_CHECK, Period.ofDays(1),
                        FollowUpPlan.Owner.SUPERVISOR))
                .withoutStep(FollowUpKind.USAGE_GUIDE)
                .withDayStart(LocalTime.of(8, 30));
        var rapport = rapports.start(rapports.builder(db).followUpPlan(plan)
                .config("rapport.follow-ups.account-visit.after", "14d"));
        var agent = user(rapport, Role.AGENT, "after-sales");
        var supervisor = user(rapport, Role.SUPERVISOR, "after-sales");

        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);

        assertThat(followUpsOf(rapport, ticket)).extracting(FollowUp::kind, FollowUp::ownerId, FollowUp::dueAt)
                .containsExactly(
                        tuple(FollowUpKind.SATISFACTION_CHECK, supervisor.id(), Instant.parse("2026-11-24T00:30:00Z")),
                        tuple(FollowUpKind.ACCOUNT_VISIT, agent.id(), Instant.parse("2026-12-07T00:30:00Z")));
    }

    @StorageTest
    void aTicketClosedLateInTheEveningCountsItsDaysFromItsOwnDayInTheBusinessZone(TestDatabase db) {
        var rapport = start(db);
        var agent = user(rapport, Role.AGENT, "after-sales");
        clock.advance(Duration.ofHours(13).plusMinutes(59)); // 23:59 on Monday in Shanghai, 15:59 UTC

        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);

        assertThat(followUpsOf(rapport, ticket).getFirst().dueAt()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
    }

    @StorageTest
    void aTicketThatDoesNotCloseGetsNoFollowUps(TestDatabase db) {
        var rapport = start(db);
        var agent = user(rapport, Role.AGENT, "after-sales");
        var ticket = Closing.assigned(rapport, customer(rapport).id(), agent);
        ticket = rapport.tickets().addProgress(Actor.of(agent), ticket.id(), AddProgress.note("Looking into it.",
                Visibility.CUSTOMER, ticket.version()));

        var resolved = rapport.tickets().resolve(Actor.of(agent), ticket.id(), new ResolveTicket(ticket.version(),
                "Replaced the adapter.", CommunicationMethod.PHONE));
        rapport.tickets().confirm(Actor.of(agent), ticket.id(), new ConfirmResolution(resolved.version(),
                Opinion.UNSATISFIED, Optional.of(CommunicationMethod.PHONE), Optional.of("Still drops the line")));

        assertThat(followUpsOf(rapport, ticket)).isEmpty();
    }

    @StorageTest
    void closingTheClosedTicketAgainPlansNothingMore(TestDatabase db) {
        var rapport = start(db);
        var agent = user(rapport, Role.AGENT, "after-sales");
        var ticket = Closing.closedBy(rapport, customer(rapport).id(), agent);

        rapport.tickets().close(Actor.of(agent), ticket.id());

        assertThat(followUpsOf(rapport, ticket)).hasSize(3);
    }

    private static List<FollowUp> followUpsOf(Rapport rapport, Ticket ticket) {
        return rapport.followUps().list(Actor.system(), FollowUpFilter.all().withTicket(ticket.id()),
                PageRequest.first()).items();
    }
}
