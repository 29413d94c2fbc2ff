package dev.rapport.core.internal.followup;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.customer.TimelineEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.FollowUpCompleted;
import dev.rapport.api.event.FollowUpSkipped;
import dev.rapport.api.followup.CompleteFollowUp;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.followup.SkipFollowUp;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Completing and skipping follow-ups, who may, and the work lists (SPEC §6). */
class FollowUpWorkTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private User agent;
    private User manager;
    private Ticket ticket;

    /** A closed ticket of a customer with an account manager: the agent owns two follow-ups, the manager one. */
    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).listener(heard));
        agent = user(rapport, Role.AGENT, "after-sales");
        manager = user(rapport, Role.ACCOUNT_MANAGER, "account-management");
        var customer = rapport.customers().create(Actor.system(), aCustomer().accountManagerId(manager.id()).build());
        ticket = Closing.closedBy(rapport, customer.id(), agent);
    }

    private FollowUp followUp(FollowUpKind kind) {
        return rapport.followUps().list(Actor.system(), FollowUpFilter.all().withTicket(ticket.id()),
                PageRequest.first()).items().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
    }

    @StorageTest
    void completingRecordsTheOutcomeAndLogsAnInteractionOnTheCustomer(TestDatabase db) throws InterruptedException {
        start(db);
        var check = followUp(FollowUpKind.SATISFACTION_CHECK);
        clock.advance(Duration.ofDays(3));

        var done = rapport.followUps().complete(Actor.of(agent), check.id(), new CompleteFollowUp(
                "Orders sync fine since the fix; the customer is satisfied.", Optional.of("Asked for a training slot."),
                Optional.empty(), OptionalLong.of(check.version())));

        assertThat(done.state()).isEqualTo(FollowUpState.DONE);
        assertThat(done.outcome()).contains("Orders sync fine since the fix; the customer is satisfied.");
        assertThat(done.note()).contains("Asked for a training slot.");
        assertThat(done.finishedAt()).contains(clock.instant());
        assertThat(done.finishedBy()).contains(agent.id());
        assertThat(rapport.followUps().get(Actor.of(agent), check.id())).isEqualTo(done);
        var interactions = rapport.interactions().list(Actor.system(), ticket.customerId(), PageRequest.first()).items();
        assertThat(interactions).hasSize(1);
        var interaction = interactions.getFirst();
        assertThat(done.interactionId()).contains(interaction.id());
        assertThat(interaction.method()).as("the kind's usual way").isEqualTo(InteractionMethod.PHONE);
        assertThat(interaction.topic()).isEqualTo(check.purpose());
        assertThat(interaction.content()).isEqualTo("Orders sync fine since the fix; the customer is satisfied."
                + "\n\nAsked for a training slot.");
        assertThat(interaction.ownerId()).isEqualTo(agent.id());
        assertThat(interaction.recordedBy()).isEqualTo(agent.id());
        var completed = heard.await(FollowUpCompleted.class, 1).getFirst();
        assertThat(completed.interactionId()).isEqualTo(interaction.id());
        assertThat(completed.ticketId()).contains(ticket.id());
    }

    @StorageTest
    void theOneCompletingMayNameHowTheContactWasMade(TestDatabase db) {
        start(db);
        var visit = followUp(FollowUpKind.ACCOUNT_VISIT);

        var done = rapport.followUps().complete(Actor.of(manager), visit.id(), new CompleteFollowUp(
                "Discussed the 2027 roll-out.", Optional.empty(), Optional.of(InteractionMethod.VIDEO_CALL),
                OptionalLong.empty()));

        var interaction = rapport.interactions().list(Actor.system(), ticket.customerId(), PageRequest.first())
                .items().getFirst();
        assertThat(interaction.id()).isEqualTo(done.interactionId().orElseThrow());
        assertThat(interaction.method()).isEqualTo(InteractionMethod.VIDEO_CALL);
        assertThat(interaction.content()).isEqualTo("Discussed the 2027 roll-out.");
    }

    @StorageTest
    void skippingRecordsTheReasonAndLogsNothing(TestDatabase db) throws InterruptedException {
        start(db);
        var guide = followUp(FollowUpKind.USAGE_GUIDE);

        var skipped = rapport.followUps().skip(Actor.of(agent), guide.id(), SkipFollowUp.of("The customer has the guide."));

        assertThat(skipped.state()).isEqualTo(FollowUpState.SKIPPED);
        assertThat(skipped.skipReason()).contains("The customer has the guide.");
        assertThat(skipped.finishedBy()).contains(agent.id());
        assertThat(skipped.interactionId()).isEmpty();
        assertThat(rapport.interactions().list(Actor.system(), ticket.customerId(), PageRequest.first()).items())
                .isEmpty();
        assertThat(heard.await(FollowUpSkipped.class, 1).getFirst().followUpId()).isEqualTo(guide.id());
    }

    @StorageTest
    void onlyPendingOrOverdueFollowUpsCanBeCompletedOrSkipped(TestDatabase db) {
        start(db);
        var check = followUp(FollowUpKind.SATISFACTION_CHECK);
        var guide = followUp(FollowUpKind.USAGE_GUIDE);
        rapport.followUps().complete(Actor.of(agent), check.id(), CompleteFollowUp.of("All good."));
        rapport.followUps().skip(Actor.of(agent), guide.id(), SkipFollowUp.of("Not needed."));

        for (var closed : List.of(check, guide)) {
            assertThatThrownBy(() -> rapport.followUps().complete(Actor.of(agent), closed.id(),
                    CompleteFollowUp.of("Again.")))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("follow-up.transition.illegal"));
            assertThatThrownBy(() -> rapport.followUps().skip(Actor.of(agent), closed.id(), SkipFollowUp.of("Again.")))
                    .isInstanceOf(ConflictException.class);
        }
        assertThat(rapport.interactions().list(Actor.system(), ticket.customerId(), PageRequest.first()).items())
                .as("the refused completion logged nothing").hasSize(1);
    }

    @StorageTest
    void anOverdueFollowUpCanStillBeCompleted(TestDatabase db) {
        start(db);
        var check = followUp(FollowUpKind.SATISFACTION_CHECK);
        clock.advance(Duration.ofDays(5));
        rapport.runDueWork();
        assertThat(rapport.followUps().get(Actor.system(), check.id()).state()).isEqualTo(FollowUpState.OVERDUE);

        var done = rapport.followUps().complete(Actor.of(agent), check.id(), CompleteFollowUp.of("Called, late."));

        assertThat(done.state()).isEqualTo(FollowUpState.DONE);
    }

    @StorageTest
    void aStaleVersionIsRefusedAndChangesNothing(TestDatabase db) {
        start(db);
        var check = followUp(FollowUpKind.SATISFACTION_CHECK);

        assertThatThrownBy(() -> rapport.followUps().complete(Actor.of(agent), check.id(), new CompleteFollowUp(
                "All good.", Optional.empty(), Optional.empty(), OptionalLong.of(check.version() + 1))))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("follow-up.version.stale"));
        assertThat(rapport.followUps().get(Actor.system(), check.id())).isEqualTo(check);
    }

    @StorageTest
    void everyInvalidFieldIsNamedAndNothingIsStored(TestDatabase db) {
        start(db);
        var check = followUp(FollowUpKind.SATISFACTION_CHECK);

        assertThatThrownBy(() -> rapport.followUps().complete(Actor.of(agent), check.id(), new CompleteFollowUp(
                " ", Optional.of("x".repeat(5_001)), Optional.empty(), OptionalLong.empty())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("outcome", "note"));
        assertThatThrownBy(() -> rapport.followUps().skip(Actor.of(agent), check.id(), SkipFollowUp.of("")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
        assertThat(rapport.followUps().get(Actor.system(), check.id())).isEqualTo(check);
    }

    @StorageTest
    void ownersWorkTheirOwnSupervisorsTheirDepartmentsAndAdminsAll(TestDatabase db) {
        start(db);
        var visit = followUp(FollowUpKind.ACCOUNT_VISIT);
        var check = followUp(FollowUpKind.SATISFACTION_CHECK);
        var colleague = Actor.of(user(rapport, Role.AGENT, "after-sales"));
        var salesSupervisor = Actor.of(user(rapport, Role.SUPERVISOR, "sales"));
        var managementSupervisor = Actor.of(user(rapport, Role.SUPERVISOR, "account-management"));
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));

        assertThatThrownBy(() -> rapport.followUps().get(Actor.of(agent), visit.id()))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("follow-up.out-of-scope"));
        assertThatThrownBy(() -> rapport.followUps().complete(colleague, check.id(), CompleteFollowUp.of("Done.")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rapport.followUps().skip(salesSupervisor, visit.id(), SkipFollowUp.of("No.")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(rapport.followUps().get(managementSupervisor, visit.id())).isEqualTo(visit);
        assertThat(rapport.followUps().get(admin, check.id())).isEqualTo(check);
        var skipped = rapport.followUps().skip(managementSupervisor, visit.id(), SkipFollowUp.of("Visited last week."));
        assertThat(skipped.finishedBy()).contains(managementSupervisor.userId());
        var noFollowUps = new Actor(agent.id(), agent.departmentId(), Set.of());
        assertThatThrownBy(() -> rapport.followUps().list(noFollowUps, FollowUpFilter.all(), PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rapport.followUps().get(Actor.system(), FollowUpId.of("nothing")))
                .isInstanceOf(NotFoundException.class);
    }

    @StorageTest
    void eachSeesTheFollowUpsInReachSoonestDueFirstAndFiltersNarrowThem(TestDatabase db) {
        start(db);
        var other = rapport.customers().create(Actor.system(), aCustomer().build());
        var second = Closing.closedBy(rapport, other.id(), agent);
        var managementSupervisor = Actor.of(user(rapport, Role.SUPERVISOR, "account-management"));

        assertThat(list(Actor.of(agent), FollowUpFilter.all())).hasSize(5)
                .allSatisfy(f -> assertThat(f.ownerId()).isEqualTo(agent.id()))
                .extracting(FollowUp::dueAt).isSorted();
        assertThat(list(Actor.of(manager), FollowUpFilter.all())).extracting(FollowUp::kind)
                .containsExactly(FollowUpKind.ACCOUNT_VISIT);
        assertThat(list(managementSupervisor, FollowUpFilter.all())).extracting(FollowUp::ownerId)
                .containsExactly(manager.id());
        assertThat(list(Actor.system(), FollowUpFilter.all())).hasSize(6);
        assertThat(list(Actor.system(), FollowUpFilter.all().withOwner(manager.id()))).hasSize(1);
        assertThat(list(Actor.system(), FollowUpFilter.all().withCustomer(other.id())))
                .allSatisfy(f -> assertThat(f.ticketId()).contains(second.id())).hasSize(3);
        assertThat(list(Actor.system(), FollowUpFilter.all().withDueBefore(T0.plus(Duration.ofDays(5)))))
                .extracting(FollowUp::kind).containsOnly(FollowUpKind.SATISFACTION_CHECK).hasSize(2);
        var check = followUp(FollowUpKind.SATISFACTION_CHECK);
        rapport.followUps().complete(Actor.of(agent), check.id(), CompleteFollowUp.of("Fine."));
        assertThat(list(Actor.system(), FollowUpFilter.all().withStates(Set.of(FollowUpState.DONE))))
                .extracting(FollowUp::id).containsExactly(check.id());
        assertThat(list(Actor.system(), FollowUpFilter.all().withStates(Set.of(FollowUpState.PENDING,
                FollowUpState.OVERDUE)))).hasSize(5);
    }

    @StorageTest
    void theWorkListPagesWithoutSkippingOrRepeating(TestDatabase db) {
        start(db);
        for (int i = 0; i < 3; i++) {
            // Closed at the same instant: their follow-ups share due times, which the cursor must tell apart.
            Closing.closedBy(rapport, customer(rapport).id(), agent);
        }
        var seen = new ArrayList<FollowUp>();
        var page = rapport.followUps().list(Actor.of(agent), FollowUpFilter.all(), PageRequest.first(4));
        seen.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = rapport.followUps().list(Actor.of(agent), FollowUpFilter.all(),
                    PageRequest.after(page.nextCursor().get(), 4));
            seen.addAll(page.items());
        }

        assertThat(seen).hasSize(11).doesNotHaveDuplicates().extracting(FollowUp::dueAt).isSorted();
        assertThatThrownBy(() -> rapport.followUps().list(Actor.of(agent), FollowUpFilter.all(),
                PageRequest.after("not-a-cursor", 4))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    @StorageTest
    void theCustomerTimelineShowsTheFollowUpsByWhenTheyAreDue(TestDatabase db) {
        start(db);

        var entries = rapport.timeline().of(Actor.of(agent), ticket.customerId(), PageRequest.first()).items();

        assertThat(entries).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.FOLLOW_UP,
                TimelineEntry.Kind.FOLLOW_UP, TimelineEntry.Kind.FOLLOW_UP, TimelineEntry.Kind.TICKET);
        assertThat(entries.getFirst().summary()).startsWith("ACCOUNT_VISIT PENDING: Visit or call");
        var withoutFollowUps = new Actor(agent.id(), agent.departmentId(), expertPermissions().stream()
                .filter(p -> !p.key().startsWith("follow-up")).collect(Collectors.toSet()));
        assertThat(rapport.timeline().of(withoutFollowUps, ticket.customerId(), PageRequest.first()).items())
                .extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.TICKET);
    }

    private java.util.Set<dev.rapport.api.security.Permission> expertPermissions() {
        return rapport.roles().list(Actor.system()).stream().filter(r -> r.role().equals(Role.EXPERT)).findFirst()
                .orElseThrow().permissions();
    }

    private List<FollowUp> list(Actor actor, FollowUpFilter filter) {
        return rapport.followUps().list(actor, filter, PageRequest.first()).items();
    }
}
