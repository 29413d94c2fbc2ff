package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.server.demo.DemoData;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/roles} and {@code /api/v1/permissions}: roles an admin defines (issue 16). */
class RolesOverHttpTest {
    @StorageTest
    void aQualityRoleReadsEveryTicketAndGets403OnWorkingOne(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            var created = server.post("/api/v1/roles", admin,
                    Map.of("name", "quality", "permissions", List.of("ticket.read.all", "report.read")));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("/name")).isEqualTo("quality");
            assertThat(texts(created.body().get("permissions"))).containsExactly("report.read", "ticket.read.all");
            assertThat(created.body().get("builtIn").asBoolean()).isFalse();
            assertThat(server.post("/api/v1/users", admin, Map.of("employeeId", "qa.li", "name", "Li QA",
                    "departmentId", "customer-service", "roles", List.of("quality"), "tier", "FRONT_LINE",
                    "password", DemoData.PASSWORD)).status()).isEqualTo(201);

            String inspector = server.login("qa.li");
            var seen = server.get("/api/v1/tickets?limit=200", inspector);
            var all = server.get("/api/v1/tickets?limit=200", admin);
            assertThat(seen.status()).isEqualTo(200);
            assertThat(ids(seen.body())).isNotEmpty().containsExactlyElementsOf(ids(all.body()));
            String ticket = "/api/v1/tickets/" + ids(seen.body()).getFirst();
            var read = server.get(ticket, inspector);
            assertThat(read.status()).isEqualTo(200);
            assertThat(server.post(ticket + "/progress", inspector, Map.of("action", "Checked", "visibility",
                    "INTERNAL", "version", read.version())).status()).isEqualTo(403);
            assertThat(server.get("/api/v1/auth/session", inspector).body().at("/user/permissions").toString())
                    .isEqualTo("[\"report.read\",\"ticket.read.all\"]");
        }
    }

    @StorageTest
    void rolesAreListedWithTheirPermissionsAndEditedWithTheVersionRead(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            var roles = server.get("/api/v1/roles", admin);
            assertThat(roles.status()).isEqualTo(200);
            assertThat(names(roles.body().get("items"))).containsExactly("ACCOUNT_MANAGER", "ADMIN", "AGENT",
                    "EXPERT", "SUPERVISOR");
            roles.body().get("items").forEach(role -> assertThat(role.get("builtIn").asBoolean()).isTrue());
            var permissions = server.get("/api/v1/permissions", admin);
            assertThat(permissions.status()).isEqualTo(200);
            assertThat(permissions.body().get("items").get(0).get("key").asText()).isEqualTo("customer.read");
            assertThat(permissions.body().get("items").get(0).get("description").asText()).isNotBlank();

            String expert = server.login("expert");
            assertThat(server.get("/api/v1/reports/kpis", expert).status()).isEqualTo(403);
            var changed = server.put("/api/v1/roles/EXPERT", admin,
                    Map.of("permissions", List.of("ticket.read", "ticket.work", "ticket.accept", "report.read"),
                            "version", 1));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.version()).isEqualTo(2);
            var stale = server.put("/api/v1/roles/EXPERT", admin,
                    Map.of("permissions", List.of("ticket.read"), "version", 1));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(server.put("/api/v1/roles/nobody", admin, Map.of("permissions", List.of(), "version", 1))
                    .status()).isEqualTo(404);
            assertThat(server.get("/api/v1/auth/session", expert).body().at("/user/permissions").toString())
                    .as("the expert's session has exactly the new permissions at its next request")
                    .isEqualTo("[\"report.read\",\"ticket.accept\",\"ticket.read\",\"ticket.work\"]");
            assertThat(server.get("/api/v1/reports/kpis", expert).status()).isEqualTo(200);
        }
    }

    @StorageTest
    void badRolesAreRefusedNamingTheFieldAndOnlyAnAdminDefinesThem(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");

            var unknown = server.post("/api/v1/roles", admin,
                    Map.of("name", "quality", "permissions", List.of("ticket.read.all", "ticket.read.everything")));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(fields(unknown.body())).containsExactly("permissions[1]");
            var badName = server.post("/api/v1/roles", admin, Map.of("name", "quality lead", "permissions", List.of()));
            assertThat(badName.status()).isEqualTo(422);
            assertThat(fields(badName.body())).containsExactly("name");
            var badUpdate = server.put("/api/v1/roles/AGENT", admin,
                    Map.of("permissions", List.of("ticket.read", 7)));
            assertThat(badUpdate.status()).isEqualTo(422);
            assertThat(fields(badUpdate.body())).containsExactlyInAnyOrder("permissions[1]", "version");
            assertThat(server.post("/api/v1/roles", admin, Map.of("name", "AGENT", "permissions", List.of()))
                    .status()).as("the name is taken").isEqualTo(409);
            var unknownRole = server.post("/api/v1/users", admin, Map.of("employeeId", "qa.wu", "name", "Wu QA",
                    "departmentId", "customer-service", "roles", List.of("AGENT", "quality"), "tier", "FRONT_LINE",
                    "password", DemoData.PASSWORD));
            assertThat(unknownRole.status()).isEqualTo(422);
            assertThat(fields(unknownRole.body())).containsExactly("roles[1]");

            String supervisor = server.login("supervisor");
            assertThat(server.post("/api/v1/roles", supervisor, Map.of("name", "quality", "permissions", List.of()))
                    .status()).isEqualTo(403);
            assertThat(server.put("/api/v1/roles/AGENT", supervisor, Map.of("permissions", List.of(), "version", 1))
                    .status()).isEqualTo(403);
            assertThat(server.get("/api/v1/roles", null).status()).isEqualTo(401);
        }
    }

    @StorageTest
    void theAdminRoleCannotLoseUserAdminWhileNoOtherActiveUserHoldsIt(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");

            var refused = server.put("/api/v1/roles/ADMIN", admin,
                    Map.of("permissions", List.of("user.read", "report.read.all"), "version", 1));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("/detail")).contains("user.admin");
            var adminRole = server.get("/api/v1/roles", admin).body().get("items").get(1);
            assertThat(adminRole.get("name").asText()).isEqualTo("ADMIN");
            assertThat(texts(adminRole.get("permissions"))).contains("user.admin");
            assertThat(adminRole.get("version").asLong()).isEqualTo(1);
            assertThat(server.get("/api/v1/users", admin).status()).as("the admin still administers").isEqualTo(200);
        }
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> names(JsonNode items) {
        var names = new ArrayList<String>();
        items.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
