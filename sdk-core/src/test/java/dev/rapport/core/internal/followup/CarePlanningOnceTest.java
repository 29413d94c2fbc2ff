package dev.rapport.core.internal.followup;

import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily care planning is done by one node per day, holding a lease in the database that it renews at every page;
 * a node that stops in the middle leaves the lease to run out, and another node takes the rest over.
 */
class CarePlanningOnceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    /** Two full pages and a bit: the first node stops after the first. */
    private static final int CUSTOMERS = 2 * FollowUpScan.BATCH + 50;
    private final MutableClock clock = MutableClock.at(T0);
    private final List<Rapport> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(Rapport::close);
    }

    @StorageTest
    void oneNodePlansTheDayAndAnotherTakesOverWhenItStopsMidwayOnceItsLeaseHasRunOut(TestDatabase db) {
        var database = db.fresh();
        var setUp = node(Fixtures.builder(database, clock));
        var manager = user(setUp, Role.ACCOUNT_MANAGER, "account-management");
        for (int i = 0; i < CUSTOMERS; i++) {
            setUp.customers().create(Actor.system(), CustomerProfile.builder().kind(CustomerKind.ORGANIZATION)
                    .name("Lease " + i).industry("Retail")
                    .contact(ContactDraft.of("Anna Schmidt", null, "anna" + i + "@lease.example"))
                    .maintenanceLevel(MaintenanceLevel.MEDIUM).cooperationSince(LocalDate.of(2024, 1, 5))
                    .accountManagerId(manager.id()).build(), true);
        }
        // The first node plans in the background, with a long pause after each page, as if it were slow.
        var first = node(Fixtures.builder(database, clock).followUpScanInterval(Duration.ofMillis(5))
                .config("rapport.follow-ups.planning-pause", "1h"));
        var second = node(Fixtures.builder(database, clock));

        Eventually.until("the first node planned its first page", () -> maintenanceFollowUps(database) > 0);
        second.runDueWork();
        assertThat(maintenanceFollowUps(database)).as("the second node leaves the day to the first")
                .isEqualTo(FollowUpScan.BATCH);

        first.close(); // stops in its pause: the lease stays taken until it runs out, as after a crash
        second.runDueWork();
        assertThat(maintenanceFollowUps(database)).as("not before the lease runs out").isEqualTo(FollowUpScan.BATCH);

        clock.set(T0.plus(FollowUpSettings.DEFAULT_PLANNING_LEASE));
        second.runDueWork();

        assertThat(maintenanceFollowUps(database)).as("the second node took the rest over").isEqualTo(CUSTOMERS);
        assertThat(customersWithOneMaintenanceFollowUp(database)).isEqualTo(CUSTOMERS);

        var third = node(Fixtures.builder(database, clock));
        third.runDueWork();
        assertThat(maintenanceFollowUps(database)).as("the day is done: a third node plans nothing")
                .isEqualTo(CUSTOMERS);
    }

    private Rapport node(RapportBuilder builder) {
        var node = builder.build();
        nodes.add(node);
        return node;
    }

    private static long maintenanceFollowUps(DatabaseCoordinates database) {
        return count(database, "SELECT COUNT(*) FROM follow_ups WHERE kind = 'MAINTENANCE'");
    }

    private static long customersWithOneMaintenanceFollowUp(DatabaseCoordinates database) {
        return count(database, "SELECT COUNT(*) FROM (SELECT customer_id FROM follow_ups WHERE kind = 'MAINTENANCE' "
                + "GROUP BY customer_id HAVING COUNT(*) = 1) once");
    }

    private static long count(DatabaseCoordinates database, String sql) {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var query = connection.createStatement();
             var rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
