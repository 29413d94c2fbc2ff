package dev.rapport.server.crash;

import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's acceptance: two packaged servers on one PostgreSQL do one day's care planning once, on one node; when
 * that node is killed (SIGKILL) midway, the other takes the rest over once its lease has run out, and every customer
 * gets its maintenance contact exactly once.
 */
class CarePlanningTwoNodesIT {
    private static final int CUSTOMERS = 450;
    private static final Pattern DONE = Pattern.compile(
            "Care planning of \\S+ done on this node: (\\d+) contact\\(s\\) planned, (\\d+) customer\\(s\\) read");
    /** The takeover waits for the lease (30 s) to run out, after a cold start on a busy machine. */
    private static final Eventually TAKEOVER = Eventually.within(Duration.ofSeconds(150));

    @TempDir
    Path directory;

    @Test
    void oneNodePlansTheDayAndTheOtherTakesTheRestOverWhenItIsKilled() throws Exception {
        var database = TestDatabase.POSTGRES.fresh();
        seedCustomers(database);
        long due = count(database, "SELECT COUNT(*) FROM customers WHERE maintenance_level IN ('HIGH', 'MEDIUM') "
                + "AND merged_into IS NULL");

        // Node a plans slowly: a long pause after each page of 200, its lease renewed at every page.
        var a = start("a", database, "rapport.follow-ups.scan-interval=200ms",
                "rapport.follow-ups.planning-pause=15s", "rapport.follow-ups.planning-lease=30s");
        ServerProcess b = null;
        try {
            TAKEOVER.waitUntil("node a planned its first page", () -> maintenanceFollowUps(database) > 0);
            b = start("b", database, "rapport.follow-ups.scan-interval=200ms",
                    "rapport.follow-ups.planning-lease=30s");
            a.kill();
            long byA = maintenanceFollowUps(database);
            assertThat(byA).as("node a planned some of the day, not all of it").isPositive().isLessThan(due);

            var takenOver = b;
            TAKEOVER.waitUntil("node b took over", () -> DONE.matcher(takenOver.output()).find());
            var done = DONE.matcher(b.output());
            assertThat(done.find()).isTrue();
            long renewals = count(database, "SELECT COUNT(*) FROM follow_ups WHERE kind = 'RENEWAL'");
            assertThat(Long.parseLong(done.group(1))).as("node b planned the rest (and the renewals)")
                    .isEqualTo(due - byA + renewals);
            assertThat(Long.parseLong(done.group(2))).as("reading only the customers still due")
                    .isEqualTo(due - byA + renewals);
            assertThat(maintenanceFollowUps(database)).isEqualTo(due);
            assertThat(count(database, "SELECT COUNT(*) FROM (SELECT customer_id FROM follow_ups "
                    + "WHERE kind = 'MAINTENANCE' GROUP BY customer_id HAVING COUNT(*) = 1) once"))
                    .as("each customer's contact planned once").isEqualTo(due);
            assertThat(a.output()).doesNotContain("Care planning of");
        } finally {
            if (a.alive()) {
                a.kill();
            }
            if (b != null) {
                b.stop();
            }
        }
    }

    /** Customers due for a monthly maintenance call, through a node that does not plan (its scans are off). */
    private void seedCustomers(DatabaseCoordinates database) throws IOException {
        var seeder = start("seed", database, "rapport.follow-ups.scan-interval=0s");
        try {
            var agent = ServerApi.login(seeder.uri(), "agent");
            for (int i = 0; i < CUSTOMERS; i++) {
                var customer = ServerApi.object().put("kind", "ORGANIZATION").put("name", "Care " + i)
                        .put("industry", "Retail").put("maintenanceLevel", "MEDIUM").put("cooperationSince", "2024-01-05");
                customer.putArray("contacts").addObject().put("name", "Anna Schmidt")
                        .put("email", "anna" + i + "@care.example");
                agent.post("/api/v1/customers?allowDuplicate=true", customer).require(201);
            }
        } finally {
            seeder.stop();
        }
    }

    private ServerProcess start(String node, DatabaseCoordinates database, String... settings) throws IOException {
        Path data = Files.createDirectories(directory.resolve("data-" + node));
        Path config = Files.writeString(directory.resolve(node + ".properties"), String.join("\n", settings) + "\n");
        return ServerProcess.start(data, Optional.of(database), config, directory.resolve(node + ".log"));
    }

    private static long maintenanceFollowUps(DatabaseCoordinates database) {
        return count(database, "SELECT COUNT(*) FROM follow_ups WHERE kind = 'MAINTENANCE'");
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
