package dev.rapport.core.internal.ticket;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.ExceptionRecorded;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.RecordException;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketException;
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
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §4's exceptions: what got in the way, what the customer was told, and the new agreed time. */
class TicketExceptionsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private User agent;

    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).listener(heard));
        agent = user(rapport, Role.AGENT, "after-sales");
    }

    /** A P1 complaint (After-Sales, 24×7: resolution within 24 hours) the agent works on. */
    private Ticket workedTicket() {
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        ticket = rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        return rapport.tickets().addProgress(Actor.of(agent), ticket.id(),
                AddProgress.note("Looking into it", Visibility.CUSTOMER, ticket.version()));
    }

    @StorageTest
    void aNewEtaIsTheNewAgreedTimeTheResolutionDeadlineMovesTo(TestDatabase db) throws Exception {
        start(db);
        var ticket = workedTicket();
        assertThat(ticket.sla().resolutionDue()).isEqualTo(T0.plus(Duration.ofHours(24)));
        clock.advance(Duration.ofHours(1));
        Instant newEta = T0.plus(Duration.ofDays(3));

        var recorded = rapport.tickets().recordException(Actor.of(agent), ticket.id(), new RecordException(
                ticket.version(), ExceptionKind.EXTERNAL_BLOCKER, "  The carrier lost the spare part  ",
                "Told Li Lei by phone that the part arrives in three days", Optional.of(newEta)));

        assertThat(recorded.version()).isEqualTo(ticket.version() + 1);
        assertThat(recorded.sla().resolutionDue()).isEqualTo(newEta);
        clock.advance(Duration.ofHours(30));
        var details = rapport.tickets().get(Actor.of(agent), ticket.id());
        assertThat(details.ticket().sla().breached()).doesNotContain(SlaTarget.RESOLUTION);
        assertThat(details.exceptions()).containsExactly(new TicketException(ExceptionKind.EXTERNAL_BLOCKER,
                "The carrier lost the spare part", "Told Li Lei by phone that the part arrives in three days",
                Optional.of(newEta), agent.id(), T0.plus(Duration.ofHours(1))));
        var audited = rapport.tickets().history(Actor.system(), ticket.id()).getLast();
        assertThat(audited.action()).isEqualTo("ticket.exception");
        assertThat(audited.changes()).containsKeys("kind", "description", "customerInformed", "resolutionDue");
        var event = heard.await(ExceptionRecorded.class, 1).getFirst();
        assertThat(event.kind()).isEqualTo(ExceptionKind.EXTERNAL_BLOCKER);
        assertThat(event.newEta()).contains(newEta);
    }

    @StorageTest
    void anExceptionWithoutANewEtaKeepsTheDeadline(TestDatabase db) {
        start(db);
        var ticket = workedTicket();

        var recorded = rapport.tickets().recordException(Actor.of(agent), ticket.id(), new RecordException(
                ticket.version(), ExceptionKind.RESOURCE_CONFLICT, "Our engineer is needed on another site",
                "Nothing yet", Optional.empty()));

        assertThat(recorded.sla().resolutionDue()).isEqualTo(ticket.sla().resolutionDue());
        assertThat(rapport.tickets().history(Actor.system(), ticket.id()).getLast().changes())
                .doesNotContainKey("resolutionDue");
    }

    @StorageTest
    void badExceptionsNameEveryFieldAndStoreNothing(TestDatabase db) {
        start(db);
        var ticket = workedTicket();

        assertThatThrownBy(() -> rapport.tickets().recordException(Actor.of(agent), ticket.id(), new RecordException(
                ticket.version(), null, " ", null, Optional.of(T0.minusSeconds(1)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("kind", "description", "customerInformed", "newEta"));
        assertThatThrownBy(() -> rapport.tickets().recordException(Actor.of(agent), ticket.id(), new RecordException(
                ticket.version(), ExceptionKind.EXTERNAL_BLOCKER, "Blocked", "Told", Optional.of(T0))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("newEta"));
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).exceptions()).isEmpty();
    }

    @StorageTest
    void recordingAnExceptionIsWorkOnTheTicket(TestDatabase db) {
        start(db);
        var ticket = workedTicket();
        var command = new RecordException(ticket.version(), ExceptionKind.EXTERNAL_BLOCKER, "Blocked", "Told",
                Optional.empty());

        assertThatThrownBy(() -> rapport.tickets().recordException(actor(rapport, Role.AGENT, "sales"), ticket.id(),
                command)).as("a ticket the agent may not see").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.tickets().recordException(actor(rapport, Role.ADMIN, "after-sales"),
                ticket.id(), command)).isInstanceOf(ForbiddenException.class);
        var stale = new RecordException(ticket.version() - 1, ExceptionKind.EXTERNAL_BLOCKER, "Blocked", "Told",
                Optional.empty());
        assertThatThrownBy(() -> rapport.tickets().recordException(Actor.of(agent), ticket.id(), stale))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ticket.version.stale"));
        assertThat(rapport.tickets().history(Actor.system(), ticket.id())).extracting(AuditEntry::action)
                .doesNotContain("ticket.exception");
    }

    @StorageTest
    void closedTicketsTakeNoExceptions(TestDatabase db) {
        start(db);
        var ticket = workedTicket();
        ticket = rapport.tickets().resolve(Actor.of(agent), ticket.id(),
                new ResolveTicket(ticket.version(), "Replaced the part", CommunicationMethod.PHONE));
        var closed = rapport.tickets().confirm(Actor.of(agent), ticket.id(), new ConfirmResolution(ticket.version(),
                Opinion.SATISFIED, Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> rapport.tickets().recordException(Actor.of(agent), closed.id(), new RecordException(
                closed.version(), ExceptionKind.REQUIREMENT_CHANGE, "One more wish", "Told", Optional.empty())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ticket.closed"));
    }
}
