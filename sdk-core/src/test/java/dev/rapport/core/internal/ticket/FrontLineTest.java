package dev.rapport.core.internal.ticket;

import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.TicketReopened;
import dev.rapport.api.event.TicketResolved;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Recipient;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.FrontLine;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ProgressEntry;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketView;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.RecordingNotifier;
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
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 16: the front line keeps its customers — the intake owner and the team that serves the customer. */
class FrontLineTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T01:00:00Z"));
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final RecordingNotifier notifier = RecordingNotifier.accepting();
    private Rapport rapport;
    private User filer;
    private User colleague;
    private User afterSales;

    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).notifier("ops", notifier));
        filer = user(rapport, Role.AGENT, "customer-service");
        colleague = user(rapport, Role.AGENT, "customer-service");
        afterSales = user(rapport, Role.AGENT, "after-sales");
    }

    /** A complaint the filer took on the phone; it routes to After-Sales, and an After-Sales agent works it. */
    private Ticket complaintFiledByTheFrontLine() {
        var ticket = rapport.tickets().open(Actor.of(filer), aTicket(customer(rapport).id()).build());
        ticket = rapport.tickets().assign(Actor.of(afterSales), ticket.id(),
                AssignTicket.to(afterSales.id(), ticket.version()));
        ticket = rapport.tickets().addProgress(Actor.of(afterSales), ticket.id(),
                AddProgress.note("Checked the sync logs: the warehouse API rejects our token", Visibility.INTERNAL,
                        ticket.version()));
        return rapport.tickets().addProgress(Actor.of(afterSales), ticket.id(),
                AddProgress.note("We found the cause and are fixing it today", Visibility.CUSTOMER, ticket.version()));
    }

    @StorageTest
    void theUserWhoFilesATicketIsItsIntakeOwnerAndTheHostIsNoOne(TestDatabase db) {
        start(db);
        var filed = rapport.tickets().open(Actor.of(filer), aTicket(customer(rapport).id()).build());
        var fromHost = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());

        assertThat(filed.intakeOwner()).contains(new IntakeOwner(filer.id(), filer.departmentId()));
        assertThat(filed.departmentId().value()).isEqualTo("after-sales");
        assertThat(fromHost.intakeOwner()).isEmpty();
    }

    @StorageTest
    void theIntakeOwnerReadsTheCustomerVisiblePartAfterTheTicketRoutesAway(TestDatabase db) {
        start(db);
        var ticket = complaintFiledByTheFrontLine();

        var seen = rapport.tickets().get(Actor.of(filer), ticket.id());

        assertThat(seen.view()).isEqualTo(TicketView.CUSTOMER_VISIBLE);
        assertThat(seen.ticket().sla().resolutionDue()).isEqualTo(ticket.sla().resolutionDue());
        assertThat(seen.progress()).extracting(ProgressEntry::action)
                .containsExactly("We found the cause and are fixing it today");
        assertThat(rapport.tickets().get(Actor.of(afterSales), ticket.id()).view()).isEqualTo(TicketView.FULL);
        assertThat(rapport.tickets().get(Actor.of(afterSales), ticket.id()).progress()).hasSize(2);
    }

    @StorageTest
    void theFrontLineServingTheCustomerReadsItsStatusButWorksNothingOfIt(TestDatabase db) {
        start(db);
        var ticket = complaintFiledByTheFrontLine();
        var frontLine = Actor.of(colleague);

        assertThat(rapport.tickets().get(frontLine, ticket.id()).view()).isEqualTo(TicketView.CUSTOMER_VISIBLE);
        assertThatThrownBy(() -> rapport.tickets().addProgress(frontLine, ticket.id(),
                AddProgress.note("Customer called", Visibility.INTERNAL, ticket.version())))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("ticket.customer-visible-only"));
        assertThatThrownBy(() -> rapport.tickets().resolve(frontLine, ticket.id(),
                new ResolveTicket(ticket.version(), "Fixed", CommunicationMethod.PHONE)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rapport.tickets().history(frontLine, ticket.id()))
                .as("the audit trail holds internal notes").isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void whoeverDoesNotServeTheCustomerDoesNotSeeTheTicketAtAll(TestDatabase db) {
        start(db);
        var ticket = complaintFiledByTheFrontLine();
        var salesAgent = Actor.of(user(rapport, Role.AGENT, "sales"));
        var expert = Actor.of(user(rapport, Role.EXPERT, "customer-service"));
        var outsideExpert = Actor.of(user(rapport, Role.EXPERT, "technical-support"));

        assertThatThrownBy(() -> rapport.tickets().get(salesAgent, ticket.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.tickets().get(outsideExpert, ticket.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.tickets().get(expert, ticket.id()))
                .as("an expert of the filing department lacks ticket.read.front-line")
                .isInstanceOf(NotFoundException.class);
    }

    @StorageTest
    void theFrontLineListsEveryTicketOfItsCustomersWhereverTheyAreRouted(TestDatabase db) {
        start(db);
        var ticket = complaintFiledByTheFrontLine();
        var sameCustomerFromHost = rapport.tickets().open(Actor.system(),
                aTicket(ticket.customerId()).type("CHANGE_REQUEST").build());
        rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        var frontLine = Actor.of(colleague);

        var mine = rapport.tickets().list(frontLine, TicketFilter.all().withServedBy(FrontLine.of(frontLine)),
                PageRequest.first());
        var departments = rapport.tickets().list(frontLine, TicketFilter.all(), PageRequest.first());

        assertThat(mine.items()).extracting(Ticket::id).containsExactlyInAnyOrder(ticket.id(), sameCustomerFromHost.id());
        assertThat(departments.items()).as("without the filter, the own department's only").isEmpty();
    }

    @StorageTest
    void theIntakeOwnerIsToldOfTheResolutionTheReopeningAndABreach(TestDatabase db) {
        start(db);
        var ticket = complaintFiledByTheFrontLine();
        var worker = Actor.of(afterSales);

        ticket = rapport.tickets().resolve(worker, ticket.id(), new ResolveTicket(ticket.version(),
                "Renewed the warehouse API token", CommunicationMethod.PHONE));
        ticket = rapport.tickets().confirm(worker, ticket.id(), new ConfirmResolution(ticket.version(),
                Opinion.UNSATISFIED, Optional.of(CommunicationMethod.PHONE), Optional.of("Still failing at night")));
        clock.advance(Duration.ofDays(3));
        rapport.runDueWork();

        notifier.await("the resolution, reopening and breach", received ->
                toFiler(received, TicketResolved.class) && toFiler(received, TicketReopened.class)
                        && received.stream().anyMatch(n -> n.event() instanceof SlaAlarmRaised alarm
                        && alarm.alarm() == SlaAlarm.BREACH && to(n, filer)));
    }

    private boolean toFiler(List<Notification> received, Class<?> type) {
        return received.stream().anyMatch(n -> type.isInstance(n.event()) && to(n, filer));
    }

    private static boolean to(Notification notification, User user) {
        return notification.recipients().stream().map(Recipient::id).anyMatch(user.id()::equals);
    }
}
