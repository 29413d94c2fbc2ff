package dev.rapport.server;

import dev.rapport.api.PageRequest;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.server.http.RefusedBody;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets its documented status with the fields named, and the database stays as it was. */
class BadInputOverHttpTest {
    @StorageTest
    void missingFieldsWrongEnumsAndBadPhonesAreNamedTogether(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            int before = customerCount(server);
            var response = server.post("/api/v1/customers", agent, Map.of("kind", "ALIEN", "segment", "VIP",
                    "cooperationSince", "2026-13-45",
                    "contacts", List.of(Map.of("name", "Bo", "phone", "12345"))));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.body().at("/errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                    "kind", "segment", "cooperationSince", "name", "industry", "contacts[0].phone");
            assertThat(response.body().get("status").asInt()).isEqualTo(422);
            assertThat(customerCount(server)).isEqualTo(before);
        }
    }

    @StorageTest
    void unknownIdsAreNotFoundOrNamedAsFields(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            assertThat(server.get("/api/v1/tickets/no-such-ticket", agent).status()).isEqualTo(404);
            assertThat(server.get("/api/v1/customers/no-such-customer", agent).status()).isEqualTo(404);
            int before = ticketCount(server);
            var open = server.post("/api/v1/tickets", agent, Map.of("customerId", "no-such-customer",
                    "type", "REFUND", "description", "x", "priority", "P9"));
            assertThat(open.status()).isEqualTo(422);
            assertThat(open.body().at("/errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("priority", "customerId", "type");
            assertThat(ticketCount(server)).isEqualTo(before);
        }
    }

    @StorageTest
    void malformedJsonIsABadRequest(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var response = server.sendRaw("POST", "/api/v1/customers", agent, "{\"kind\": \"PERSON\", ");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().get("detail").asText()).contains("Malformed JSON");
            assertThat(server.sendRaw("POST", "/api/v1/customers", agent, "[1, 2]").status()).isEqualTo(400);
            assertThat(server.sendRaw("POST", "/api/v1/customers", agent, "{\"kind\": \"PERSON\"} trailing").status())
                    .isEqualTo(400);
            assertThat(server.sendRaw("POST", "/api/v1/customers", agent, "{\"name\": \"a\", \"name\": \"b\"}").status())
                    .isEqualTo(400);
        }
    }

    @StorageTest
    void aStaleVersionAndAnIllegalTransitionConflictAndChangeNothing(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");
            var ticket = openComplaint(server, supervisor);
            String path = "/api/v1/tickets/" + ticket.text("/id");
            int historyBefore = server.get(path + "/history", supervisor).body().at("/items").size();

            var stale = server.post(path + "/assign", supervisor, Map.of("departmentId", "sales", "version", ticket.version() - 1));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.body().get("code").asText()).isEqualTo("ticket.version.stale");

            var illegal = server.post(path + "/resolve", supervisor, Map.of("solution", "x", "communicatedVia", "EMAIL",
                    "version", ticket.version()));
            assertThat(illegal.status()).isEqualTo(409);
            assertThat(illegal.body().get("detail").asText()).contains("NEW").contains("RESOLVED");

            var close = server.post(path + "/close", supervisor, null);
            assertThat(close.status()).isEqualTo(409);

            var missingVersion = server.post(path + "/assign", supervisor, Map.of("departmentId", "sales"));
            assertThat(missingVersion.status()).isEqualTo(422);
            assertThat(missingVersion.body().at("/errors").findValuesAsText("field")).containsExactly("version");

            var unchanged = server.get(path, supervisor);
            assertThat(unchanged.version()).isEqualTo(ticket.version());
            assertThat(unchanged.text("/departmentId")).isEqualTo("after-sales");
            assertThat(server.get(path + "/history", supervisor).body().at("/items").size()).isEqualTo(historyBefore);
        }
    }

    @StorageTest
    void aCustomersCodeCannotBePatched(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var customer = server.get("/api/v1/customers?q=Northwind", agent).body().at("/items/0");
            String path = "/api/v1/customers/" + customer.get("id").asText();
            var refused = server.patch(path, agent, Map.of("code", "C1999000001", "version", customer.get("version").asLong()));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().at("/errors").findValuesAsText("field")).containsExactly("code");

            var patched = server.patch(path, agent, Map.of("name", "Northwind Retail Group", "tags", List.of("price", "loyal"),
                    "version", customer.get("version").asLong()));
            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.text("/name")).isEqualTo("Northwind Retail Group");
            assertThat(patched.text("/code")).isEqualTo(customer.get("code").asText());
            assertThat(patched.body().at("/contacts/0/phone").asText()).isEqualTo(customer.at("/contacts/0/phone").asText());

            var stale = server.patch(path, agent, Map.of("name", "Lost", "version", customer.get("version").asLong()));
            assertThat(stale.status()).isEqualTo(409);
            var stored = server.get(path, agent);
            assertThat(stored.text("/name")).isEqualTo("Northwind Retail Group");
            assertThat(stored.version()).isEqualTo(patched.version());
        }
    }

    @StorageTest
    void oversizedBodiesAreRefusedWithoutReadingThem(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            int before = customerCount(server);
            String huge = "{\"name\": \"" + "x".repeat((int) TestServer.MAX_JSON_BYTES) + "\"}";
            assertThat(server.sendRaw("POST", "/api/v1/customers", agent, huge).status()).isEqualTo(413);

            var chunked = HttpRequest.newBuilder(server.uri("/api/v1/customers"))
                    .header("Authorization", "Bearer " + agent).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())))
                    .build();
            assertThat(server.exchange(chunked).status()).isEqualTo(413);
            assertThat(customerCount(server)).isEqualTo(before);
        }
    }

    @StorageTest
    void aModestlyOversizedBodyIsSwallowedSoTheConnectionCarriesTheNextRequest(TestDatabase db) {
        try (var server = new TestServer(db); var connection = new RawConnection(server.uri("/").getPort())) {
            String agent = server.login("agent");
            int before = customerCount(server);
            byte[] huge = ("{\"name\": \"" + "x".repeat((int) TestServer.MAX_JSON_BYTES) + "\"}").getBytes();
            connection.send("POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + agent
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + huge.length + "\r\n\r\n").send(huge);
            connection.send("GET /api/v1/departments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + agent + "\r\n\r\n");

            var refused = connection.read();
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.headers()).doesNotContainEntry("connection", "close");
            var next = connection.read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).contains("\"items\"");
            assertThat(customerCount(server)).isEqualTo(before);
        }
    }

    @StorageTest
    void aBodyDeclaredFarTooLargeIsRefusedBeforeAByteOfItIsSent(TestDatabase db) {
        try (var server = new TestServer(db); var connection = new RawConnection(server.uri("/").getPort())) {
            String agent = server.login("agent");
            connection.send("POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + agent
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + 10L * RefusedBody.SWALLOW_LIMIT
                    + "\r\n\r\n");

            var refused = connection.read();
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.headers()).containsEntry("connection", "close");
            assertThat(refused.body()).contains("request.too-large");
        }
    }

    @StorageTest
    void unknownPathsAndMalformedFiltersAreProblemsToo(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var unknown = server.get("/api/v1/tickets/x/nonsense", agent);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            var monitor = server.get("/api/v1/tickets?atRisk=maybe", agent);
            assertThat(monitor.status()).isEqualTo(422);
            assertThat(monitor.body().at("/errors").findValuesAsText("field")).containsExactly("atRisk");
            var both = server.get("/api/v1/tickets?atRisk=true&overdue=true", agent);
            assertThat(both.status()).isEqualTo(422);
            assertThat(both.body().at("/errors").findValuesAsText("field")).containsExactly("overdue");
        }
    }

    private static TestServer.Response openComplaint(TestServer server, String token) {
        String customerId = server.get("/api/v1/customers?q=Northwind", token).text("/items/0/id");
        return server.post("/api/v1/tickets", token, Map.of("customerId", customerId, "type", "COMPLAINT",
                "description", "The invoice total is wrong.", "priority", "P3"));
    }

    private static int customerCount(TestServer server) {
        return server.rapport.customers().search(Actor.system(), "", PageRequest.first(200)).items().size();
    }

    private static int ticketCount(TestServer server) {
        return server.rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first(200)).items().size();
    }
}
