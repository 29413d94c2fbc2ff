package dev.rapport.core.internal.improvement;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.ImprovementCreated;
import dev.rapport.api.event.ImprovementUpdated;
import dev.rapport.api.event.ImprovementVerified;
import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.improvement.ImprovementFilter;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.ImprovementUpdate;
import dev.rapport.api.improvement.NewImprovement;
import dev.rapport.api.improvement.RootCause;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.VerifyImprovement;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.rapport.api.improvement.ImprovementState.*;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImprovementServiceTest {
    /** 09:00 on 23 November in Shanghai, the business zone. */
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final DepartmentId AFTER_SALES = DepartmentId.of("after-sales");

    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private Actor supervisor;
    private User agent;
    private Customer customer;
    private Ticket ticket;

    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).listener(heard));
        supervisor = Actor.of(user(rapport, Role.SUPERVISOR, "after-sales"));
        agent = user(rapport, Role.AGENT, "after-sales");
        customer = customer(rapport);
        ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
    }

    private NewImprovement.Builder anImprovement() {
        return NewImprovement.builder().problem("Invoices show the wrong VAT amount").rootCause(RootCause.PROCESS_GAP)
                .measures("A second person checks every invoice before it goes out").department(AFTER_SALES)
                .owner(agent.id());
    }

    @StorageTest
    void anImprovementIsProposedWithItsLinksAuditedAndTheOwnerIsTold(TestDatabase db) throws InterruptedException {
        start(db);

        var improvement = rapport.improvements().create(supervisor, anImprovement().plannedDate(TODAY.plusDays(14))
                .ticket(ticket.id()).customer(customer.id()).notes("Started after three complaints").build());

        assertThat(improvement.state()).isEqualTo(PROPOSED);
        assertThat(improvement.version()).isEqualTo(1);
        assertThat(improvement.ticketIds()).containsExactly(ticket.id());
        assertThat(improvement.customerIds()).containsExactly(customer.id());
        assertThat(improvement.plannedDate()).contains(TODAY.plusDays(14));
        assertThat(improvement.completedDate()).isEmpty();
        assertThat(improvement.averageScore()).isEmpty();
        assertThat(improvement.createdBy()).isEqualTo(supervisor.userId());
        assertThat(rapport.improvements().get(supervisor, improvement.id())).isEqualTo(improvement);
        assertThat(history(improvement.id())).containsExactly("improvement.created");
        var created = heard.await(ImprovementCreated.class, 1).getFirst();
        assertThat(created.ownerId()).isEqualTo(agent.id());
        assertThat(created.suggestionId()).isEmpty();
    }

    @StorageTest
    void everyMissingFieldAndEveryUnknownLinkIsNamedAndNothingIsStored(TestDatabase db) {
        start(db);
        var bad = new NewImprovement(" ", null, "", DepartmentId.of("nowhere"), UserId.of("nobody"), Optional.empty(),
                List.of(ticket.id(), TicketId.of("no-such-ticket")), List.of(CustomerId.of("no-such-customer")),
                Optional.empty(), Optional.of(SuggestionId.of("no-such-suggestion")));

        assertThatThrownBy(() -> rapport.improvements().create(supervisor, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("problem", "rootCause", "measures",
                                "departmentId", "ownerId", "ticketIds[1]", "customerIds[0]", "suggestionId"));
        assertThat(rapport.improvements().list(supervisor, ImprovementFilter.all(), PageRequest.first()).items())
                .isEmpty();
    }

    @StorageTest
    void theStateMovesOneStepAtATimeAndDoneSetsTodayAsTheCompletionDate(TestDatabase db) {
        start(db);
        var improvement = rapport.improvements().create(supervisor, anImprovement().build());

        assertIllegal(improvement, DONE);
        assertIllegal(improvement, VERIFIED);
        var started = move(improvement, IN_PROGRESS);
        assertIllegal(started, PROPOSED);
        assertIllegal(started, VERIFIED);
        var done = move(started, DONE);
        assertIllegal(done, IN_PROGRESS);
        assertIllegal(done, VERIFIED);

        assertThat(started.version()).isEqualTo(2);
        assertThat(started.completedDate()).isEmpty();
        assertThat(done.state()).isEqualTo(DONE);
        assertThat(done.completedDate()).contains(TODAY);
        assertThat(history(improvement.id())).containsExactly("improvement.created", "improvement.updated",
                "improvement.updated");
        assertThat(rapport.improvements().get(supervisor, improvement.id())).isEqualTo(done);
    }

    @StorageTest
    void aGivenCompletionDateIsKeptButMayNeitherLieAheadNorComeBeforeDone(TestDatabase db) {
        start(db);
        var started = move(rapport.improvements().create(supervisor, anImprovement().build()), IN_PROGRESS);

        assertThatThrownBy(() -> update(started, ImprovementUpdate.of(started.version()).completedDate(TODAY)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("completedDate"));
        assertThatThrownBy(() -> update(started, ImprovementUpdate.of(started.version()).state(DONE)
                .completedDate(TODAY.plusDays(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("completedDate"));
        var done = update(started, ImprovementUpdate.of(started.version()).state(DONE).completedDate(TODAY.minusDays(3)));

        assertThat(done.completedDate()).contains(TODAY.minusDays(3));
    }

    @StorageTest
    void anUpdateFromAStaleVersionIsAConflictAndChangesNothing(TestDatabase db) {
        start(db);
        var improvement = rapport.improvements().create(supervisor, anImprovement().build());
        var changed = update(improvement, ImprovementUpdate.of(1).measures("Check twice").notes("Agreed with finance"));

        assertThatThrownBy(() -> update(improvement, ImprovementUpdate.of(1).measures("Lost update")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("improvement.version.stale"));
        var unchanged = update(changed, ImprovementUpdate.of(2).measures("Check twice"));
        var withoutNotes = update(changed, ImprovementUpdate.of(2).notes(" "));

        assertThat(changed.measures()).isEqualTo("Check twice");
        assertThat(changed.version()).isEqualTo(2);
        assertThat(unchanged).as("nothing to change, no new version").isEqualTo(changed);
        assertThat(withoutNotes.notes()).isEmpty();
        assertThat(withoutNotes.version()).isEqualTo(3);
    }

    @StorageTest
    void linksMayBeReplacedButMustNameExistingTicketsAndCustomers(TestDatabase db) {
        start(db);
        var improvement = rapport.improvements().create(supervisor, anImprovement().build());
        var other = customer(rapport);

        assertThatThrownBy(() -> update(improvement, ImprovementUpdate.of(1)
                .tickets(List.of(TicketId.of("gone"))).customers(List.of(other.id(), CustomerId.of("gone")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("ticketIds[0]", "customerIds[1]"));
        var linked = update(improvement, ImprovementUpdate.of(1).tickets(List.of(ticket.id(), ticket.id()))
                .customers(List.of(other.id(), customer.id())));

        assertThat(linked.ticketIds()).containsExactly(ticket.id());
        assertThat(linked.customerIds()).containsExactly(other.id(), customer.id());
    }

    @StorageTest
    void verificationNeedsADoneImprovementAndTheScoresAverage(TestDatabase db) throws InterruptedException {
        start(db);
        var other = customer(rapport);
        var improvement = rapport.improvements().create(supervisor, anImprovement().customer(customer.id()).build());

        assertThatThrownBy(() -> rapport.improvements().verify(supervisor, improvement.id(),
                VerifyImprovement.of(5, "Fine")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("improvement.transition.illegal"));
        var done = move(move(improvement, IN_PROGRESS), DONE);
        assertThatThrownBy(() -> rapport.improvements().verify(supervisor, improvement.id(),
                new VerifyImprovement(6, Optional.empty(), Optional.of(other.id()))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("score", "customerId"));
        var verified = rapport.improvements().verify(supervisor, improvement.id(),
                new VerifyImprovement(5, Optional.of("No wrong invoice since"), Optional.of(customer.id())));
        var again = rapport.improvements().verify(supervisor, improvement.id(), VerifyImprovement.of(2, null));

        assertThat(verified.state()).isEqualTo(VERIFIED);
        assertThat(verified.version()).isEqualTo(done.version() + 1);
        assertThat(verified.averageScore()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("5"));
        assertThat(again.state()).isEqualTo(VERIFIED);
        assertThat(again.verifications()).extracting(v -> v.score()).containsExactly(5, 2);
        assertThat(again.verifications().getFirst().customerId()).contains(customer.id());
        assertThat(again.verifications().getFirst().recordedBy()).isEqualTo(supervisor.userId());
        assertThat(again.averageScore()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("3.50"));
        assertThat(rapport.improvements().get(supervisor, improvement.id())).isEqualTo(again);
        assertThat(history(improvement.id())).endsWith("improvement.verified", "improvement.verified");
        assertThat(heard.await(ImprovementVerified.class, 2)).extracting(ImprovementVerified::score)
                .containsExactly(5, 2);
    }

    @StorageTest
    void agentsReadOwnersChangeTheirOwnAndOnlyManagersCreateOrHandOver(TestDatabase db) throws InterruptedException {
        start(db);
        var owner = Actor.of(agent);
        var colleague = Actor.of(user(rapport, Role.AGENT, "after-sales"));
        var expert = Actor.of(user(rapport, Role.EXPERT, "technical-support"));
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var improvement = rapport.improvements().create(supervisor, anImprovement().build());

        assertThatThrownBy(() -> rapport.improvements().create(owner, anImprovement().build()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(rapport.improvements().get(colleague, improvement.id())).isEqualTo(improvement);
        assertThat(rapport.improvements().list(expert, ImprovementFilter.all(), PageRequest.first()).items())
                .containsExactly(improvement);
        assertThatThrownBy(() -> update(colleague, improvement, ImprovementUpdate.of(1).measures("Mine now")))
                .isInstanceOf(ForbiddenException.class);
        var byOwner = update(owner, improvement, ImprovementUpdate.of(1).state(IN_PROGRESS).measures("Checklist"));
        assertThatThrownBy(() -> update(owner, byOwner, ImprovementUpdate.of(2).owner(colleague.userId())))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("improvement.hand-over"));
        var handedOver = update(supervisor, byOwner, ImprovementUpdate.of(2).owner(colleague.userId()));
        var byAdmin = rapport.improvements().create(admin, anImprovement().build());

        assertThat(byOwner.state()).isEqualTo(IN_PROGRESS);
        assertThat(handedOver.ownerId()).isEqualTo(colleague.userId());
        assertThat(byAdmin.createdBy()).isEqualTo(admin.userId());
        assertThat(heard.await(ImprovementUpdated.class, 2).getLast().handedTo()).contains(colleague.userId());
        assertThatThrownBy(() -> rapport.improvements().get(colleague, ImprovementId.of("nothing-like-it")))
                .isInstanceOf(NotFoundException.class);
    }

    @StorageTest
    void listsFilterByStateDepartmentAndOwnerNewestFirstInPages(TestDatabase db) {
        start(db);
        var first = rapport.improvements().create(supervisor, anImprovement().build());
        // Ids are ordered by the millisecond they were made in.
        clock.advance(Duration.ofMinutes(1));
        var elsewhere = rapport.improvements().create(supervisor, anImprovement()
                .department(DepartmentId.of("finance")).owner(supervisor.userId()).build());
        clock.advance(Duration.ofMinutes(1));
        var started = move(rapport.improvements().create(supervisor, anImprovement().build()), IN_PROGRESS);

        assertThat(list(ImprovementFilter.all().withState(PROPOSED))).containsExactly(elsewhere, first);
        assertThat(list(ImprovementFilter.all().withDepartment(AFTER_SALES))).containsExactly(started, first);
        assertThat(list(ImprovementFilter.all().withOwner(supervisor.userId()))).containsExactly(elsewhere);
        var page = rapport.improvements().list(supervisor, ImprovementFilter.all(), PageRequest.first(2));
        var rest = rapport.improvements().list(supervisor, ImprovementFilter.all(),
                PageRequest.after(page.nextCursor().orElseThrow(), 2));
        assertThat(page.items()).containsExactly(started, elsewhere);
        assertThat(rest.items()).containsExactly(first);
        assertThat(rest.nextCursor()).isEmpty();
        assertThatThrownBy(() -> rapport.improvements().list(supervisor, ImprovementFilter.all(),
                PageRequest.after("not-a-cursor", 2))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    private Improvement move(Improvement improvement, ImprovementState state) {
        return update(improvement, ImprovementUpdate.of(improvement.version()).state(state));
    }

    private void assertIllegal(Improvement improvement, ImprovementState state) {
        assertThatThrownBy(() -> move(improvement, state)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("improvement.transition.illegal"));
    }

    private Improvement update(Improvement improvement, ImprovementUpdate.Builder update) {
        return update(supervisor, improvement, update);
    }

    private Improvement update(Actor actor, Improvement improvement, ImprovementUpdate.Builder update) {
        return rapport.improvements().update(actor, improvement.id(), update.build());
    }

    private List<Improvement> list(ImprovementFilter filter) {
        return rapport.improvements().list(supervisor, filter, PageRequest.first()).items();
    }

    private List<String> history(ImprovementId id) {
        return rapport.improvements().history(supervisor, id).stream().map(AuditEntry::action).toList();
    }
}
