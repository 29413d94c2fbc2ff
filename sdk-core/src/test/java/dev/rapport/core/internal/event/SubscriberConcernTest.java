package dev.rapport.core.internal.event;

import dev.rapport.api.security.Actor;
import dev.rapport.core.testing.Backlog;
import dev.rapport.core.testing.FakeSurveyProvider;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.RecordingNotifier;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A survey provider or a channel is a subscriber of the few events meant for it: the others are never made
 * deliveries of it, and one made anyway (by a node without that subscriber) is completed without a call.
 */
class SubscriberConcernTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void eventsThatConcernNoSurveyAreNotMadeDeliveriesOfTheSurveyProvider(TestDatabase db) throws Exception {
        var database = db.fresh();
        var notifier = RecordingNotifier.accepting();
        var rapport = rapports.start(Fixtures.builder(database, clock)
                .surveyProvider("link", FakeSurveyProvider.issuing()).notifier("ops", notifier));

        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        notifier.await("the customer and the ticket", received -> received.size() >= 2);
        Eventually.until("nothing left to deliver", Backlog.of(database)::isEmpty);

        assertThat(deliveriesBySubscriber(database)).containsOnlyKeys("ops");
    }

    @StorageTest
    void aDeliveryOfNoConcernIsCompletedWithoutCallingTheProvider(TestDatabase db) throws Exception {
        var database = db.fresh();
        var provider = FakeSurveyProvider.issuing();
        var heard = RecordingNotifier.accepting();
        var rapport = rapports.start(Fixtures.builder(database, clock).surveyProvider("link", provider)
                .notifier("ops", heard));
        rapport.customers().create(Actor.system(), aCustomer().build());
        heard.await("the customer", received -> !received.isEmpty());

        // As a node that has no provider "link" fans out: every event for every registered subscriber.
        String survey = SurveySubscriber.subscriberName("link");
        execute(database, "INSERT INTO deliveries (subscriber, position, subject_id, state, attempts, next_attempt_at) "
                + "SELECT '" + survey + "', position, 'subject', 'PENDING', 0, "
                + "TIMESTAMP WITH TIME ZONE '2026-11-23 02:00:00+00' FROM outbox");
        Eventually.until("nothing left to deliver", Backlog.of(database)::isEmpty);

        assertThat(deliveriesBySubscriber(database)).containsEntry(survey, 1);
        assertThat(provider.requests()).isEmpty();
    }

    private static Map<String, Integer> deliveriesBySubscriber(DatabaseCoordinates database) throws SQLException {
        var counts = new TreeMap<String, Integer>();
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var rows = connection.createStatement().executeQuery(
                     "SELECT subscriber, COUNT(*) FROM deliveries WHERE state = 'DELIVERED' GROUP BY subscriber")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    private static void execute(DatabaseCoordinates database, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
