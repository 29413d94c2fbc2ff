package dev.rapport.core.internal.notice;

import dev.rapport.api.PageRequest;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.notice.Notice;
import dev.rapport.api.notice.NoticeType;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 16: the intake owner and the assignee are told in-app of a resolution, a reopening and a breach. */
class NoticesTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T01:00:00Z"));
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;
    private User filer;
    private User colleague;
    private User afterSales;

    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db));
        filer = user(rapport, Role.AGENT, "customer-service");
        colleague = user(rapport, Role.AGENT, "customer-service");
        afterSales = user(rapport, Role.AGENT, "after-sales");
    }

    /** A complaint the filer took, worked by After-Sales, resolved and then reopened as the customer was unhappy. */
    private Ticket resolvedAndReopened() {
        var worker = Actor.of(afterSales);
        var ticket = rapport.tickets().open(Actor.of(filer), aTicket(customer(rapport).id()).build());
        ticket = rapport.tickets().assign(worker, ticket.id(), AssignTicket.to(afterSales.id(), ticket.version()));
        ticket = rapport.tickets().addProgress(worker, ticket.id(),
                AddProgress.note("We found the cause and are fixing it today", Visibility.CUSTOMER, ticket.version()));
        ticket = rapport.tickets().resolve(worker, ticket.id(), new ResolveTicket(ticket.version(),
                "Renewed the warehouse API token", CommunicationMethod.PHONE));
        ticket = rapport.tickets().confirm(worker, ticket.id(), new ConfirmResolution(ticket.version(),
                Opinion.UNSATISFIED, Optional.of(CommunicationMethod.PHONE), Optional.of("Still failing at night")));
        rapports.awaitAllDelivered(rapport);
        return ticket;
    }

    @StorageTest
    void theIntakeOwnerIsToldOfTheResolutionAndReopeningButNobodyOfWhatTheyDidThemselves(TestDatabase db) {
        start(db);
        var ticket = resolvedAndReopened();

        var filers = rapport.notices().list(Actor.of(filer), false, PageRequest.first());
        var workers = rapport.notices().list(Actor.of(afterSales), false, PageRequest.first());
        var colleagues = rapport.notices().list(Actor.of(colleague), false, PageRequest.first());

        assertThat(filers.items()).extracting(Notice::type)
                .containsExactly(NoticeType.TICKET_REOPENED, NoticeType.TICKET_RESOLVED);
        assertThat(filers.items()).allSatisfy(notice -> {
            assertThat(notice.ticketId()).isEqualTo(ticket.id());
            assertThat(notice.ticketNumber()).isEqualTo(ticket.number());
            assertThat(notice.title()).isEqualTo(ticket.title());
            assertThat(notice.read()).isFalse();
        });
        assertThat(rapport.notices().unread(Actor.of(filer))).isEqualTo(2);
        assertThat(workers.items()).as("the assignee resolved and recorded the answer").isEmpty();
        assertThat(colleagues.items()).isEmpty();
    }

    @StorageTest
    void aBreachReachesTheIntakeOwnerAndTheAssignee(TestDatabase db) {
        start(db);
        resolvedAndReopened();

        clock.advance(Duration.ofDays(3));
        rapport.runDueWork();
        rapports.awaitAllDelivered(rapport);

        assertThat(rapport.notices().list(Actor.of(filer), true, PageRequest.first()).items())
                .extracting(Notice::type).contains(NoticeType.SLA_BREACHED);
        assertThat(rapport.notices().list(Actor.of(afterSales), true, PageRequest.first()).items())
                .extracting(Notice::type).isNotEmpty().containsOnly(NoticeType.SLA_BREACHED);
    }

    @StorageTest
    void theListPagesNewestFirstAndACursorNotFromItIsRefused(TestDatabase db) {
        start(db);
        resolvedAndReopened();
        var actor = Actor.of(filer);

        var first = rapport.notices().list(actor, false, PageRequest.first(1));
        var second = rapport.notices().list(actor, false, PageRequest.after(first.nextCursor().orElseThrow(), 1));

        assertThat(first.items()).extracting(Notice::type).containsExactly(NoticeType.TICKET_REOPENED);
        assertThat(second.items()).extracting(Notice::type).containsExactly(NoticeType.TICKET_RESOLVED);
        assertThat(second.nextCursor()).isEmpty();
        assertThatThrownBy(() -> rapport.notices().list(actor, false, PageRequest.after("bm90LWEtY3Vyc29y", 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor"));
    }

    @StorageTest
    void aUserMarksOnlyTheirOwnNoticesRead(TestDatabase db) {
        start(db);
        resolvedAndReopened();
        var notices = rapport.notices().list(Actor.of(filer), false, PageRequest.first()).items();

        assertThatThrownBy(() -> rapport.notices().markRead(Actor.of(colleague), notices.getFirst().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.notices().markRead(Actor.of(filer), "not-a-notice"))
                .isInstanceOf(NotFoundException.class);
        rapport.notices().markRead(Actor.of(filer), notices.getFirst().id());

        assertThat(rapport.notices().unread(Actor.of(filer))).isEqualTo(1);
        assertThat(rapport.notices().list(Actor.of(filer), true, PageRequest.first()).items())
                .extracting(Notice::id).containsExactly(notices.getLast().id());

        rapport.notices().markAllRead(Actor.of(filer));

        assertThat(rapport.notices().unread(Actor.of(filer))).isZero();
        assertThat(rapport.notices().list(Actor.of(filer), false, PageRequest.first()).items())
                .extracting(Notice::read).containsExactly(true, true);
    }
}
