package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.server.demo.DemoData;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH /api/v1/users/{id}}: an admin changes who a user is in the organisation and whether they may log in. */
class UsersOverHttpTest {
    @StorageTest
    void anAdminChangesAUsersRolesAndDeactivatesThem(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            var created = server.post("/api/v1/users", admin, Map.of("employeeId", "han.mei", "name", "Han Mei",
                    "departmentId", "customer-service", "roles", List.of("AGENT"), "tier", "FRONT_LINE",
                    "password", DemoData.PASSWORD));
            assertThat(created.status()).isEqualTo(201);
            String path = "/api/v1/users/" + created.text("/id");

            var promoted = server.patch(path, admin, Map.of("roles", List.of("SUPERVISOR"),
                    "departmentId", "after-sales", "tier", "EXPERT", "version", created.version()));
            assertThat(promoted.status()).isEqualTo(200);
            assertThat(names(promoted.body().get("roles"))).containsExactly("SUPERVISOR");
            assertThat(promoted.text("/departmentId")).isEqualTo("after-sales");
            assertThat(promoted.text("/tier")).isEqualTo("EXPERT");
            assertThat(promoted.text("/name")).isEqualTo("Han Mei");
            assertThat(server.patch(path, admin, Map.of("tier", "ACCOUNT_MANAGER", "version", created.version()))
                    .status()).as("stale version").isEqualTo(409);
            String token = server.login("han.mei");
            assertThat(server.get("/api/v1/auth/session", token).body().at("/user/permissions").toString())
                    .contains("ticket.assign");

            var off = server.patch(path, admin, Map.of("active", false, "version", promoted.version()));
            assertThat(off.status()).isEqualTo(200);
            assertThat(off.body().get("active").asBoolean()).isFalse();
            assertThat(server.get("/api/v1/auth/session", token).status()).isEqualTo(401);
            assertThat(server.post("/api/v1/auth/login", null,
                    Map.of("employeeId", "han.mei", "password", DemoData.PASSWORD)).status()).isEqualTo(401);
        }
    }

    @StorageTest
    void badChangesAndChangesToOneselfAreRefusedNamingTheFields(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            String path = "/api/v1/users/" + server.get("/api/v1/auth/session", admin).text("/user/id");
            var me = server.get(path, admin).body();

            var bad = server.patch(path, admin, Map.of("roles", List.of("SUPERVISOR", "KING"), "tier", "GURU",
                    "version", me.get("version").asLong()));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(fields(bad.body())).containsExactlyInAnyOrder("roles[1]", "tier");

            var self = server.patch(path, admin, Map.of("roles", List.of("SUPERVISOR"), "active", false,
                    "version", me.get("version").asLong()));
            assertThat(self.status()).isEqualTo(422);
            assertThat(fields(self.body())).containsExactlyInAnyOrder("roles", "active");
            assertThat(server.patch(path, admin, Map.of("active", true)).status())
                    .as("the version is required").isEqualTo(422);
            assertThat(server.patch(path, server.login("supervisor"), Map.of("active", false, "version", 1))
                    .status()).isEqualTo(403);
            assertThat(server.patch("/api/v1/users/nobody", admin, Map.of("active", false, "version", 1))
                    .status()).isEqualTo(404);
        }
    }

    private static List<String> names(JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
