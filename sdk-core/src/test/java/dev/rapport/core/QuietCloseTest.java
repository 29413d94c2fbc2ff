package dev.rapport.core;

import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.LogCapture;
import dev.rapport.testkit.MutableClock;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.logging.Level;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Closing the SDK stops its background scans after the batch in hand, before the storage closes: nothing in the log. */
class QuietCloseTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    /** More than one page of the care planning, so that a close can come between two pages. */
    private static final int CUSTOMERS = 1_000;

    @StorageTest
    void closingWhileTheScansAreBusyLogsNoWarningAndStopsBetweenBatches(TestDatabase db) {
        var clock = MutableClock.at(T0);
        var database = db.fresh();
        var rapport = Fixtures.builder(database, clock).build();
        try {
            var manager = user(rapport, Role.ACCOUNT_MANAGER, "account-management");
            for (int i = 0; i < CUSTOMERS; i++) {
                var customer = rapport.customers().create(Actor.system(), CustomerProfile.builder()
                        .kind(CustomerKind.ORGANIZATION).name("Quiet " + i).industry("Retail")
                        .contact(ContactDraft.of("Anna Schmidt", null, "anna" + i + "@quiet.example"))
                        .maintenanceLevel(MaintenanceLevel.MEDIUM).cooperationSince(LocalDate.of(2024, 1, 5))
                        .accountManagerId(manager.id()).build(), true);
                if (i % 100 == 0) {
                    rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
                }
            }
        } finally {
            rapport.close();
        }
        // The same database, now with the scans running as a production node runs them.
        var busy = Fixtures.builder(database, clock).slaScanInterval(Duration.ofMillis(5))
                .followUpScanInterval(Duration.ofMillis(5)).build();
        clock.set(T0.plus(Duration.ofHours(30)));

        try (var log = LogCapture.start()) {
            Eventually.until("the care planning has begun", () -> maintenanceFollowUps(database) > 0);
            busy.close();

            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .as("scan threads still running after close()")
                    .doesNotContain("rapport-follow-up-scan", "rapport-sla-monitor");
            assertThat(log.records()).filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue()
                    || r.getThrown() != null).as("warnings, errors and stack traces at close").isEmpty();
        }
        assertThat(maintenanceFollowUps(database)).as("the pass stopped between two pages").isLessThan(CUSTOMERS);
    }

    private static long maintenanceFollowUps(DatabaseCoordinates database) {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var query = connection.createStatement();
             var rows = query.executeQuery("SELECT COUNT(*) FROM follow_ups WHERE kind = 'MAINTENANCE'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
