package dev.rapport.server;

import dev.rapport.api.PageRequest;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.LogCapture;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input beyond what the server or the database can take (parser limits, dates past the SDK's range, NUL and lone
 * surrogates, oversized request lines and headers) is refused with a 4xx problem naming the limit or the field, on H2
 * and PostgreSQL alike; nothing is stored, and the log stays quiet.
 */
class InputLimitsOverHttpTest {
    @StorageTest
    void jsonBeyondTheParsersLimitsIsABadRequestNamingTheLimitOnEveryJsonEndpoint(TestDatabase db) {
        try (var server = new TestServer(db); var log = LogCapture.start()) {
            String agent = server.login("agent");
            String nested = "[".repeat(1_001) + "]".repeat(1_001);
            String longNumber = "{\"amount\": " + "9".repeat(1_001) + "}";
            String longName = "{\"" + "n".repeat(1_001) + "\": 1}";
            for (String path : List.of("/api/v1/auth/login", "/api/v1/public/surveys/no-such-token",
                    "/api/v1/customers")) {
                var deep = server.sendRaw("POST", path, agent, "{\"a\": " + nested + "}");
                assertProblem(deep, 400);
                assertThat(deep.text("/detail")).contains("nesting depth").contains("1000");
                assertThat(server.sendRaw("POST", path, agent, longNumber).text("/detail")).contains("number length");
                assertThat(server.sendRaw("POST", path, agent, longName).text("/detail")).contains("field name length");
            }
            assertThat(log.records()).noneMatch(r -> r.getThrown() != null)
                    .noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
        }
    }

    @StorageTest
    void datesInstantsAndDurationsOutsideTheSdksRangeAreNamedFields(TestDatabase db) {
        try (var server = TestServer.demo(db); var log = LogCapture.start()) {
            String supervisor = server.login("supervisor");
            String admin = server.login("admin");
            String customerId = server.get("/api/v1/customers?q=Northwind", supervisor).text("/items/0/id");
            var before = DatabaseDigest.of(server);

            assertFields(server.post("/api/v1/customers", supervisor, Map.of("kind", "COMPANY", "name", "Far Future",
                    "industry", "Retail", "cooperationSince", "-999999999-01-01", "contractEnd", "+999999999-12-31",
                    "firstContactAt", "-1000000000-01-01T00:00:00Z",
                    "contacts", List.of(Map.of("name", "A", "email", "a@example.com")))),
                    "cooperationSince", "contractEnd", "firstContactAt");
            assertFields(server.post("/api/v1/tickets", supervisor, Map.of("customerId", customerId, "type", "COMPLAINT",
                    "description", "x", "priority", "P2", "planDate", "+999999999-12-31")), "planDate");
            var ticket = server.post("/api/v1/tickets", supervisor, Map.of("customerId", customerId,
                    "type", "COMPLAINT", "description", "Within range", "priority", "P3"));
            before = DatabaseDigest.of(server);
            String path = "/api/v1/tickets/" + ticket.text("/id");
            assertFields(server.post(path + "/progress", supervisor, Map.of("action", "x", "visibility", "INTERNAL",
                    "nextUpdateAt", "+1000000000-12-31T23:59:59Z", "version", ticket.version())), "nextUpdateAt");
            assertFields(server.post(path + "/exceptions", supervisor, Map.of("kind", "DELAY", "description", "x",
                    "customerInformed", "x", "newEta", "+294277-01-01T00:00:00Z", "version", ticket.version())), "newEta");
            assertFields(server.post("/api/v1/customers/" + customerId + "/interactions", supervisor, Map.of(
                    "at", "0001-01-01T00:00:00Z", "method", "PHONE", "topic", "t", "content", "c",
                    "plannedCompletion", "+999999999-12-31T00:00:00Z")), "at", "plannedCompletion");
            assertFields(server.post("/api/v1/customers/" + customerId + "/purchases", supervisor, Map.of(
                    "date", "1000-01-01", "amount", "10", "currency", "CNY")), "date");
            assertFields(server.post("/api/v1/improvements", supervisor, Map.of("problem", "p", "rootCause", "OTHER",
                    "measures", "m", "departmentId", "after-sales", "ownerId", "supervisor",
                    "plannedDate", "+10000-01-01")), "plannedDate");
            assertFields(server.get("/api/v1/follow-ups?dueBefore=%2B999999999-12-31T00:00:00Z", supervisor), "dueBefore");
            assertFields(server.get("/api/v1/reports/kpis?from=-999999999-01-01&to=2026-01-01", supervisor), "from");
            assertFields(server.get("/api/v1/reports/monthly?month=%2B999999999-12", supervisor), "month");
            assertFields(server.post("/api/v1/demo/clock/advance", admin, Map.of("duration", "PT9999999999H")),
                    "duration");
            var policy = server.get("/api/v1/sla/policies", admin).body();
            ((com.fasterxml.jackson.databind.node.ObjectNode) policy.at("/targets/P1"))
                    .put("resolution", "PT9999999999H");
            assertFields(server.put("/api/v1/sla/policies", admin, policy), "targets.P1.resolution");

            assertThat(DatabaseDigest.of(server)).isEqualTo(before);
            assertThat(log.records()).noneMatch(r -> r.getThrown() != null)
                    .noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
        }
    }

    @StorageTest
    void nulAndLoneSurrogatesAreRefusedInBodiesPathsAndQueries(TestDatabase db) {
        try (var server = new TestServer(db); var log = LogCapture.start()) {
            String agent = server.login("agent");
            var before = DatabaseDigest.of(server);
            // A lone surrogate has no UTF-8 form: it arrives as a JSON escape.
            assertFields(server.sendRaw("POST", "/api/v1/customers", agent, """
                    {"kind": "PERSON", "name": "Nul\\u0000Name", "industry": "Retail", "tags": ["ok", "half\\ud800"],
                     "contacts": [{"name": "A", "email": "a@example.com", "title": "\\udc00"}]}"""),
                    "name", "tags[1]", "contacts[0].title");
            assertFields(server.get("/api/v1/customers?q=%00", agent), "q");
            assertFields(server.get("/api/v1/tickets/a%00b", agent), "id");
            assertFields(server.get("/api/v1/tickets?tag=a%00", agent), "tag");
            assertThat(DatabaseDigest.of(server)).isEqualTo(before);
            assertThat(log.records()).noneMatch(r -> r.getThrown() != null);
        }
    }

    @StorageTest
    void errorsOfTheWebServerItselfAreProblemsToo(TestDatabase db) {
        try (var server = new TestServer(db); var log = LogCapture.start()) {
            String agent = server.login("agent");
            int port = server.server.port();
            // Just over the limits (4 KiB request line, 16 KiB headers): a server closing with more of a request
            // unread resets the connection, and the client never reads the answer.
            assertRawProblem(port, "GET /api/v1/tickets?q=" + "x".repeat(4_100) + " HTTP/1.1\r\nHost: l\r\n\r\n", 414);
            assertRawProblem(port, "GET /api/v1/tickets HTTP/1.1\r\nHost: l\r\nX-Big: " + "y".repeat(16_400)
                    + "\r\n\r\n", 431);
            assertRawProblem(port, "GET HTTP/1.1\r\nHost: l\r\n\r\n", 400);
            assertRawProblem(port, "GET /api/v1/tickets HTTP/1.1\r\nHost: l\r\nBad Header Name: x\r\n\r\n", 400);

            assertProblem(server.get("/api/v1/no-such-thing", agent), 404);
            assertProblem(server.get("/no-such-file.js", agent), 404);
            var wrongMethod = server.send("DELETE", "/api/v1/tickets", agent, null);
            assertProblem(wrongMethod, 405);
            assertThat(wrongMethod.raw().headers().firstValue("Allow")).contains("GET, POST");
            var notJson = server.exchange(HttpRequest.newBuilder(server.uri("/api/v1/customers"))
                    .header("Authorization", "Bearer " + agent).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat((int) TestServer.MAX_JSON_BYTES + 1))).build());
            assertProblem(notJson, 413);
            String supervisor = server.login("supervisor");
            String customerId = server.get("/api/v1/customers?q=Northwind", supervisor).text("/items/0/id");
            String ticketId = server.post("/api/v1/tickets", supervisor, Map.of("customerId", customerId,
                    "type", "COMPLAINT", "description", "An upload of the wrong type", "priority", "P3")).text("/id");
            var html = server.exchange(HttpRequest.newBuilder(server.uri("/api/v1/tickets/" + ticketId + "/attachments"))
                    .header("Authorization", "Bearer " + supervisor).header("Content-Type", "text/html")
                    .header("X-Filename", "page.html")
                    .POST(HttpRequest.BodyPublishers.ofString("<html></html>")).build());
            assertProblem(html, 415);
            assertThat(log.records()).noneMatch(r -> r.getThrown() != null)
                    .noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
        }
    }

    private static void assertRawProblem(int port, String request, int status) {
        try (var connection = new RawConnection(port)) {
            var reply = connection.send(request).read();
            assertThat(reply.status()).as(request.lines().findFirst().orElse("")).isEqualTo(status);
            assertThat(reply.headers().get("content-type")).isEqualTo("application/problem+json");
            assertThat(reply.body()).contains("\"status\":" + status).contains("\"code\":\"request.")
                    .contains("\"type\":").contains("\"errors\":[]");
        }
    }

    private static void assertProblem(TestServer.Response response, int status) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
    }

    private static void assertFields(TestServer.Response response, String... fields) {
        assertProblem(response, 422);
        assertThat(response.body().at("/errors").findValuesAsText("field")).as(response.raw().body())
                .contains(fields);
    }
}
