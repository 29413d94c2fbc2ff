package dev.rapport.core.internal.event;

import dev.rapport.api.PageRequest;
import dev.rapport.api.notice.Notice;
import dev.rapport.api.notice.NoticeType;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.testing.Backlog;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.DriverManager;
import java.sql.SQLException;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Notices are delivered at least once but kept once: an event delivered again adds no second notice. */
class NoticeRedeliveryTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void aResolutionDeliveredAgainLeavesTheIntakeOwnerOneNotice(TestDatabase db) throws Exception {
        var database = db.fresh();
        var rapport = rapports.start(Fixtures.builder(database, clock));
        var filer = user(rapport, Role.AGENT, "customer-service");
        var worker = user(rapport, Role.AGENT, "after-sales");
        var ticket = rapport.tickets().open(Actor.of(filer), aTicket(customer(rapport).id()).build());
        ticket = rapport.tickets().assign(Actor.of(worker), ticket.id(), AssignTicket.to(worker.id(), ticket.version()));
        ticket = rapport.tickets().addProgress(Actor.of(worker), ticket.id(),
                AddProgress.note("Replacing the unit", Visibility.CUSTOMER, ticket.version()));
        rapport.tickets().resolve(Actor.of(worker), ticket.id(), new ResolveTicket(ticket.version(),
                "Replaced the unit", CommunicationMethod.PHONE));
        Eventually.until("nothing left to deliver", Backlog.of(database)::isEmpty);
        var before = rapport.notices().list(Actor.of(filer), false, PageRequest.first()).items();

        // As after a crash between keeping the notices and recording the delivery as done.
        int again = execute(database, "UPDATE deliveries SET state = 'PENDING', attempts = 0, finished_at = NULL, "
                + "next_attempt_at = TIMESTAMP WITH TIME ZONE '2026-11-23 02:00:00+00' "
                + "WHERE subscriber = '" + NoticeSubscriber.NAME + "'");
        rapport.runDueWork();
        Eventually.until("the notices' deliveries done again", Backlog.of(database)::isEmpty);

        assertThat(again).isEqualTo(1);
        assertThat(before).extracting(Notice::type).containsExactly(NoticeType.TICKET_RESOLVED);
        assertThat(rapport.notices().list(Actor.of(filer), false, PageRequest.first()).items()).isEqualTo(before);
        assertThat(count(database, "SELECT COUNT(*) FROM deliveries WHERE subscriber = '" + NoticeSubscriber.NAME
                + "' AND state = 'DELIVERED' AND attempts = 1")).as("delivered anew").isEqualTo(1);
    }

    private static int execute(DatabaseCoordinates database, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static int count(DatabaseCoordinates database, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
