package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.server.demo.DemoData;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, sign-in and sessions, over HTTP: inputs bounded before anything is recorded, guessing slowed per employee
 * id and address (never a lock-out of the owner), sessions revoked when rights go, and passwords users change and
 * admins reset.
 */
class SignInOverHttpTest {
    private static final String LOGIN = "/api/v1/auth/login";
    private static final long ALLOWED_HEAP_GROWTH = 8L * 1024 * 1024;

    /** Refused before anything reaches the storage, so one database tells all. */
    @Test
    void tenThousandLongEmployeeIdsAreRefusedAndLeaveTheHeapAsItWas() {
        try (var server = new TestServer(TestDatabase.H2)) {
            var statuses = new TreeMap<Integer, Integer>();
            // Warm up the code paths, so that classes loaded and caches filled do not count as growth.
            for (int i = 0; i < 200; i++) {
                statuses.merge(login(server, "warm" + i + "x".repeat(4_000), "guess").status(), 1, Integer::sum);
            }
            long before = retainedHeap();
            for (int i = 0; i < 10_000; i++) {
                var answer = login(server, i + "-" + "x".repeat(8_000), "guess");
                statuses.merge(answer.status(), 1, Integer::sum);
                if (i == 0) {
                    assertThat(fields(answer.body())).containsExactly("employeeId");
                }
            }
            long growth = retainedHeap() - before;

            assertThat(statuses).isEqualTo(Map.of(422, 10_200));
            assertThat(growth).as("retained heap growth in bytes after 10,000 ids of 8,000 characters")
                    .isLessThan(ALLOWED_HEAP_GROWTH);
            assertThat(failureRows(server)).as("nothing recorded").isZero();
            var longPassword = login(server, "agent", "p".repeat(257));
            assertThat(longPassword.status()).isEqualTo(422);
            assertThat(fields(longPassword.body())).containsExactly("password");
            assertThat(login(server, "agent\u0000", "guess").status()).as("no user has such an id").isEqualTo(422);
        }
    }

    @StorageTest
    void refusedAttemptsRecordNothingSoManyEmployeeIdsFromOneAddressStayBounded(TestDatabase db) {
        try (var server = new TestServer(db)) {
            var statuses = new TreeMap<Integer, Integer>();
            for (int i = 0; i < 300; i++) {
                statuses.merge(login(server, "guess." + i, "guess").status(), 1, Integer::sum);
            }
            assertThat(statuses).as("50 failures an hour per address, then refusals")
                    .isEqualTo(Map.of(401, 50, 429, 250));
            assertThat(failureRows(server)).isEqualTo(50);
        }
    }

    @StorageTest
    void anAttackerIsSlowedDownWhileTheOwnerStillSignsIn(TestDatabase db) throws Exception {
        try (var server = new TestServer(db); var secondNode = TestServer.nextTo(server, UnaryOperator.identity())) {
            var statuses = new ArrayList<Integer>();
            for (int i = 0; i < 10; i++) {
                var node = i % 2 == 0 ? server : secondNode;
                statuses.add(node.post(LOGIN, null, Map.of("employeeId", "admin", "password", "guess" + i)).status());
            }
            assertThat(statuses).as("3 free failures and one more, counted across both nodes, then waits")
                    .containsExactly(401, 401, 401, 401, 429, 429, 429, 429, 429, 429);
            var rightPasswordFromTheAttacker = server.post(LOGIN, null,
                    Map.of("employeeId", "admin", "password", DemoData.PASSWORD));
            assertThat(rightPasswordFromTheAttacker.status()).isEqualTo(429);
            assertThat(rightPasswordFromTheAttacker.raw().headers().firstValue("Retry-After")).contains("2");
            assertThat(rightPasswordFromTheAttacker.text("/code")).isEqualTo("auth.login.rate-limited");

            var owner = loginFrom(server, "127.0.0.2", "admin", DemoData.PASSWORD);
            assertThat(owner.status()).as("the owner, from an address without failures").isEqualTo(200);
            assertThat(owner.text("/user/employeeId")).isEqualTo("admin");

            server.clock.advance(Duration.ofSeconds(2));
            assertThat(server.post(LOGIN, null, Map.of("employeeId", "admin", "password", "guess")).status())
                    .isEqualTo(401);
            var doubled = server.post(LOGIN, null, Map.of("employeeId", "admin", "password", "guess"));
            assertThat(doubled.status()).isEqualTo(429);
            assertThat(doubled.raw().headers().firstValue("Retry-After")).contains("4");
        }
    }

    @StorageTest
    void deactivationAndLostRolesRevokeSessionsForGood(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            String agentToken = server.login("agent");
            String agentPath = "/api/v1/users/" + server.get("/api/v1/auth/session", agentToken).text("/user/id");
            var agent = server.get(agentPath, admin);

            var off = server.patch(agentPath, admin, Map.of("active", false, "version", agent.version()));
            var on = server.patch(agentPath, admin, Map.of("active", true, "version", off.version()));
            assertThat(on.status()).isEqualTo(200);
            assertThat(server.get("/api/v1/auth/session", agentToken).status())
                    .as("a token from before the deactivation, after the reactivation").isEqualTo(401);
            assertThat(server.login("agent")).isNotBlank();

            String supervisorToken = server.login("supervisor");
            String supervisorPath = "/api/v1/users/"
                    + server.get("/api/v1/auth/session", supervisorToken).text("/user/id");
            var supervisor = server.get(supervisorPath, admin);
            var more = server.patch(supervisorPath, admin, Map.of("roles", List.of("SUPERVISOR", "EXPERT"),
                    "version", supervisor.version()));
            assertThat(server.get("/api/v1/auth/session", supervisorToken).status())
                    .as("a role added takes nothing away").isEqualTo(200);
            server.patch(supervisorPath, admin, Map.of("roles", List.of("EXPERT"), "version", more.version()));
            assertThat(server.get("/api/v1/auth/session", supervisorToken).status())
                    .as("a role taken away").isEqualTo(401);
        }
    }

    @StorageTest
    void aUserChangesTheirPasswordAndTheirOtherSessionsEnd(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String kept = server.login("agent");
            String other = server.login("agent");
            String path = "/api/v1/auth/password";

            var tooShort = server.post(path, kept, Map.of("currentPassword", DemoData.PASSWORD,
                    "newPassword", "short"));
            var withId = server.post(path, kept, Map.of("currentPassword", DemoData.PASSWORD,
                    "newPassword", "my-AGENT-password-2026"));
            var withName = server.post(path, kept, Map.of("currentPassword", DemoData.PASSWORD,
                    "newPassword", "wang fang rules the desk"));
            var wrongCurrent = server.post(path, kept, Map.of("currentPassword", "not-my-password",
                    "newPassword", "a brand new secret"));
            assertThat(List.of(tooShort, withId, withName, wrongCurrent)).allSatisfy(r -> assertThat(r.status())
                    .isEqualTo(422));
            assertThat(fields(tooShort.body())).containsExactly("newPassword");
            assertThat(fields(withId.body())).containsExactly("newPassword");
            assertThat(fields(withName.body())).containsExactly("newPassword");
            assertThat(fields(wrongCurrent.body())).containsExactly("currentPassword");
            assertThat(server.get("/api/v1/auth/session", other).status()).as("refusals revoke nothing").isEqualTo(200);

            var changed = server.post(path, kept, Map.of("currentPassword", DemoData.PASSWORD,
                    "newPassword", "a brand new secret"));
            assertThat(changed.status()).isEqualTo(204);
            assertThat(server.get("/api/v1/auth/session", kept).status()).isEqualTo(200);
            assertThat(server.get("/api/v1/auth/session", other).status()).isEqualTo(401);
            assertThat(server.post(LOGIN, null, Map.of("employeeId", "agent", "password", DemoData.PASSWORD))
                    .status()).isEqualTo(401);
            assertThat(server.post(LOGIN, null, Map.of("employeeId", "agent", "password", "a brand new secret"))
                    .status()).isEqualTo(200);
            assertThat(server.post(path, null, Map.of("currentPassword", "a brand new secret",
                    "newPassword", "another new secret")).status()).isEqualTo(401);
        }
    }

    @StorageTest
    void anAdminSetsAOneTimePasswordThatMustBeChangedBeforeAnythingElse(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            String before = server.login("agent");
            String path = "/api/v1/users/" + server.get("/api/v1/auth/session", before).text("/user/id") + "/password";

            assertThat(server.post(path, server.login("supervisor"), Map.of("temporaryPassword", "one-time-secret-1"))
                    .status()).as("not an admin").isEqualTo(403);
            var weak = server.post(path, admin, Map.of("temporaryPassword", "agent12345678"));
            assertThat(weak.status()).isEqualTo(422);
            assertThat(fields(weak.body())).containsExactly("temporaryPassword");
            assertThat(server.post(path, admin, Map.of("temporaryPassword", "one-time-secret-1")).status())
                    .isEqualTo(204);
            assertThat(server.get("/api/v1/auth/session", before).status()).as("sessions revoked").isEqualTo(401);

            var login = server.post(LOGIN, null, Map.of("employeeId", "agent", "password", "one-time-secret-1"));
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body().get("passwordChangeRequired").asBoolean()).isTrue();
            String token = login.text("/token");
            for (String blocked : List.of("/api/v1/customers", "/api/v1/tickets", "/api/v1/auth/session")) {
                var refused = server.get(blocked, token);
                assertThat(refused.status()).as(blocked).isEqualTo(403);
                assertThat(refused.text("/code")).as(blocked).isEqualTo("password.change-required");
            }
            assertThat(server.post("/api/v1/auth/password", token, Map.of("currentPassword", "one-time-secret-1",
                    "newPassword", "my own new secret")).status()).isEqualTo(204);
            assertThat(server.get("/api/v1/customers", token).status()).isEqualTo(200);
            var again = server.post(LOGIN, null, Map.of("employeeId", "agent", "password", "my own new secret"));
            assertThat(again.body().get("passwordChangeRequired").asBoolean()).isFalse();

            var secondReset = server.post(path, admin, Map.of("temporaryPassword", "one-time-secret-2"));
            assertThat(secondReset.status()).isEqualTo(204);
            String pending = server.post(LOGIN, null, Map.of("employeeId", "agent", "password", "one-time-secret-2"))
                    .text("/token");
            assertThat(server.post("/api/v1/auth/logout", pending, null).status())
                    .as("logging out works while the change is pending").isEqualTo(204);
            assertThat(server.get("/api/v1/auth/session", pending).status()).isEqualTo(401);
        }
    }

    private static TestServer.Response login(TestServer server, String employeeId, String password) {
        return server.post(LOGIN, null, Map.of("employeeId", employeeId, "password", password));
    }

    /** A login from another local address (all of 127.0.0.0/8 reaches this host). */
    private static TestServer.Response loginFrom(TestServer server, String address, String employeeId,
                                                 String password) throws IOException, InterruptedException {
        var mapper = new ObjectMapper();
        try (var client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build()) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + LOGIN))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(
                            Map.of("employeeId", employeeId, "password", password)))).build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestServer.Response(response.statusCode(), mapper.readTree(response.body()), response);
        }
    }

    /** The heap still in use after full collections: what the server retains. */
    private static long retainedHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long failureRows(TestServer server) {
        var database = server.database;
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM login_failures")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
