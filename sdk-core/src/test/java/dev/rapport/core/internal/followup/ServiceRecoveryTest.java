package dev.rapport.core.internal.followup;

import dev.rapport.api.PageRequest;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.FollowUpScheduled;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.Rapport;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.customer.InteractionService;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.JdbcStorageFactory;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SPEC §6: a poor survey answer opens a service-recovery follow-up for the supervisor. The survey code calls
 * {@link FollowUpService#openRecovery} inside its own transaction, as these tests do.
 */
class ServiceRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private Storage storage;
    private Transactions transactions;
    private FollowUpService service;
    private User agent;

    /** A Rapport, and beside it on the same database the core services as the survey code would hold them. */
    private void start(TestDatabase db, FollowUpPlan plan) {
        var coordinates = db.fresh();
        rapport = rapports.start(Fixtures.builder(coordinates, clock).listener(heard));
        storage = storageOn(coordinates);
        transactions = new Transactions(storage, () -> { });
        agent = user(rapport, Role.AGENT, "after-sales");
        service = new FollowUpService(transactions, clock, ZoneId.of("Asia/Shanghai"), new IdGenerator(clock),
                new InteractionService(transactions, clock, new IdGenerator(clock)), plan);
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    private Ticket closedTicket() {
        return Closing.closedBy(rapport, customer(rapport).id(), agent);
    }

    private Optional<FollowUp> openRecovery(Ticket ticket, String reason) {
        return transactions.write(tx -> service.openRecovery(tx, ticket, reason, clock.instant()));
    }

    @StorageTest
    void aPoorAnswerOpensARecoveryForASupervisorOfTheTicketsDepartmentDueWithinADay(TestDatabase db)
            throws InterruptedException {
        start(db, FollowUpPlan.standard());
        var supervisor = user(rapport, Role.SUPERVISOR, "after-sales");
        user(rapport, Role.SUPERVISOR, "customer-service");
        var ticket = closedTicket();

        var recovery = openRecovery(ticket, "Staff attitude rated 1 of 5").orElseThrow();

        assertThat(recovery.kind()).isEqualTo(FollowUpKind.SERVICE_RECOVERY);
        assertThat(recovery.ownerId()).isEqualTo(supervisor.id());
        assertThat(recovery.ticketId()).contains(ticket.id());
        assertThat(recovery.customerId()).isEqualTo(ticket.customerId());
        assertThat(recovery.dueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(recovery.purpose()).contains(ticket.number()).contains("Staff attitude rated 1 of 5");
        assertThat(rapport.followUps().get(Actor.of(supervisor), recovery.id())).isEqualTo(recovery);
        var announced = heard.await(FollowUpScheduled.class, 4).stream()
                .filter(e -> e.kind() == FollowUpKind.SERVICE_RECOVERY).toList();
        assertThat(announced).extracting(FollowUpScheduled::recipients).containsExactly(List.of(supervisor.id()));
    }

    @StorageTest
    void aTicketGetsOneRecoveryHoweverManyPoorAnswersComeIn(TestDatabase db) {
        start(db, FollowUpPlan.standard());
        user(rapport, Role.SUPERVISOR, "after-sales");
        var ticket = closedTicket();

        var first = openRecovery(ticket, "Resolution rated 2 of 5").orElseThrow();
        var second = openRecovery(ticket, "Overall rated 1 of 5").orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(recoveries(ticket)).containsExactly(first);
    }

    @StorageTest
    void withoutASupervisorAnywhereTheTicketsHandlerRecoversTheService(TestDatabase db) {
        start(db, FollowUpPlan.standard());
        var ticket = closedTicket();

        assertThat(openRecovery(ticket, "Response speed rated 1 of 5")).map(FollowUp::ownerId).contains(agent.id());
    }

    @StorageTest
    void theTimeAllowedIsConfigurable(TestDatabase db) {
        start(db, FollowUpPlan.standard().withRecoveryWithin(Duration.ofHours(4)));
        user(rapport, Role.SUPERVISOR, "after-sales");
        var ticket = closedTicket();

        assertThat(openRecovery(ticket, "Overall rated 2 of 5")).map(FollowUp::dueAt)
                .contains(T0.plus(Duration.ofHours(4)));
    }

    @StorageTest
    void itIsPartOfTheCallersTransactionAndNeedsAReason(TestDatabase db) {
        start(db, FollowUpPlan.standard());
        user(rapport, Role.SUPERVISOR, "after-sales");
        var ticket = closedTicket();

        assertThatThrownBy(() -> transactions.write(tx -> {
            service.openRecovery(tx, ticket, "Overall rated 1 of 5", clock.instant());
            throw new IllegalStateException("the survey answer could not be stored");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> openRecovery(ticket, " ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("reason"));

        assertThat(recoveries(ticket)).isEmpty();
    }

    private List<FollowUp> recoveries(Ticket ticket) {
        return rapport.followUps().list(Actor.system(), FollowUpFilter.all().withTicket(ticket.id()),
                PageRequest.first()).items().stream().filter(f -> f.kind() == FollowUpKind.SERVICE_RECOVERY).toList();
    }

    private static Storage storageOn(DatabaseCoordinates coordinates) {
        var factory = new JdbcStorageFactory();
        return TestPluginContext.of(factory, coordinates.storageConfig()).create(factory);
    }
}
