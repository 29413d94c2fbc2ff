package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthOverHttpTest {
    @StorageTest
    void everyApiEndpointNeedsAToken(TestDatabase db) {
        try (var server = new TestServer(db)) {
            for (String path : List.of("/api/v1/customers", "/api/v1/tickets", "/api/v1/users", "/api/v1/departments",
                    "/api/v1/catalog/ticket-types", "/api/v1/customers/x", "/api/v1/tickets/x/history")) {
                var response = server.get(path, null);
                assertThat(response.status()).as(path).isEqualTo(401);
                assertThat(response.raw().headers().firstValue("WWW-Authenticate")).as(path).contains("Bearer");
            }
            assertThat(server.post("/api/v1/tickets", "forged-token", Map.of()).status()).isEqualTo(401);
            assertThat(server.sendRaw("POST", "/api/v1/customers", null, "{not json").status())
                    .as("the caller is checked before the body").isEqualTo(401);
        }
    }

    @StorageTest
    void missingPermissionsAreForbidden(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String expert = server.login("expert");
            assertThat(server.post("/api/v1/customers", expert, Map.of("name", "x")).status()).isEqualTo(403);
            assertThat(server.post("/api/v1/users", expert, Map.of("employeeId", "x")).status()).isEqualTo(403);
            assertThat(server.post("/api/v1/departments", expert, Map.of("name", "Field Service")).status()).isEqualTo(403);
            String admin = server.login("admin");
            var created = server.post("/api/v1/departments", admin, Map.of("name", "Field Service"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("/id")).isEqualTo("field-service");
            assertThat(created.text("/assignmentMode")).isEqualTo("MANUAL");

            var byExpert = server.patch("/api/v1/departments/field-service", expert,
                    Map.of("assignmentMode", "ROUND_ROBIN"));
            assertThat(byExpert.status()).isEqualTo(403);
            var changed = server.patch("/api/v1/departments/field-service", admin,
                    Map.of("assignmentMode", "ROUND_ROBIN"));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.text("/assignmentMode")).isEqualTo("ROUND_ROBIN");
            assertThat(server.patch("/api/v1/departments/field-service", admin, Map.of("assignmentMode", "RANDOM"))
                    .status()).isEqualTo(422);
            assertThat(server.patch("/api/v1/departments/nowhere", admin, Map.of("assignmentMode", "MANUAL"))
                    .status()).isEqualTo(404);
        }
    }

    @StorageTest
    void contactDetailsAreMaskedAndUnsearchableWithoutThePiiPermission(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String expert = server.login("expert");
            String agent = server.login("agent");
            var seenByAgent = server.get("/api/v1/customers?q=Northwind", agent).body().at("/items/0");
            String path = "/api/v1/customers/" + seenByAgent.get("id").asText();
            assertThat(seenByAgent.at("/contacts/0/phone").asText()).isEqualTo("+4930123456789");

            var seenByExpert = server.get(path, expert);
            assertThat(seenByExpert.text("/contacts/0/phone")).isEqualTo("+49****6789");
            assertThat(seenByExpert.text("/contacts/0/email")).isEqualTo("a***@northwind.example");
            assertThat(server.get("/api/v1/customers?q=4930123", expert).body().at("/items").size()).isZero();
            assertThat(server.get("/api/v1/customers?q=4930123", agent).body().at("/items").size()).isEqualTo(1);
        }
    }

    @StorageTest
    void wrongCredentialsGetTheSameAnswerWhetherTheUserExistsOrNot(TestDatabase db) {
        try (var server = new TestServer(db)) {
            var wrongPassword = server.post("/api/v1/auth/login", null, Map.of("employeeId", "agent", "password", "nope"));
            var unknownUser = server.post("/api/v1/auth/login", null, Map.of("employeeId", "ghost", "password", "nope"));
            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(unknownUser.status()).isEqualTo(401);
            assertThat(wrongPassword.body().get("requestId")).isNotEqualTo(unknownUser.body().get("requestId"));
            assertThat(withoutRequestId(wrongPassword.body())).isEqualTo(withoutRequestId(unknownUser.body()));
        }
    }

    /** A problem's body but its request id, which names the request and so differs between any two. */
    private static JsonNode withoutRequestId(JsonNode problem) {
        var copy = (ObjectNode) problem.deepCopy();
        copy.remove("requestId");
        return copy;
    }

    @StorageTest
    void repeatedFailedLoginsAreRateLimited(TestDatabase db) {
        try (var server = new TestServer(db)) {
            for (int i = 0; i < 5; i++) {
                server.post("/api/v1/auth/login", null, Map.of("employeeId", "manager", "password", "guess" + i));
            }
            var limited = server.post("/api/v1/auth/login", null, Map.of("employeeId", "manager", "password", "rapport-demo"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
        }
    }

    @StorageTest
    void theLoginAnswerCarriesTheUser(TestDatabase db) {
        try (var server = new TestServer(db)) {
            var login = server.post("/api/v1/auth/login", null, Map.of("employeeId", "supervisor", "password", "rapport-demo"));
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.text("/token")).isNotBlank();
            assertThat(login.text("/expiresAt")).endsWith("Z");
            assertThat(login.text("/user/employeeId")).isEqualTo("supervisor");
            assertThat(login.text("/user/departmentId")).isEqualTo("customer-service");
            assertThat(login.body().at("/user/roles").get(0).asText()).isEqualTo("SUPERVISOR");
            assertThat(login.body().at("/user/id").isTextual()).isTrue();
            assertThat(login.text("/zone")).as("the business zone, the SDK's default").isEqualTo("Asia/Shanghai");
        }
    }

    @StorageTest
    void theSessionNamesTheServersTimeAndTheBusinessZone(TestDatabase db) {
        try (var server = new TestServer(db, builder -> builder.zone(ZoneId.of("Europe/Lisbon")))) {
            var session = server.get("/api/v1/auth/session", server.login("agent"));

            assertThat(session.status()).isEqualTo(200);
            assertThat(Instant.parse(session.text("/now"))).isEqualTo(server.clock.instant());
            assertThat(session.text("/zone")).isEqualTo("Europe/Lisbon");
        }
    }
}
