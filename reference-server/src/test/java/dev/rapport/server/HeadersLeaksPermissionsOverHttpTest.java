package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.server.http.SecurityHeaders;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, "Headers, leaks and permissions": one test per item, over HTTP on the server's routing. */
class HeadersLeaksPermissionsOverHttpTest {
    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @StorageTest
    void consoleStaticFilesAndApiAnswersCarryTheSecurityHeaders(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            for (String page : List.of("/", "/index.html", "/css/console.css", "/js/app.js", "/css/survey.css",
                    "/survey/not-a-token", "/no-such-page")) {
                var response = text(server, page);
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
                        .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
                assertThat(response.headers().firstValue("X-Frame-Options")).as(page).contains("DENY");
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(page).contains("nosniff");
                assertThat(response.headers().firstValue("Referrer-Policy")).as(page).contains("no-referrer");
            }
            assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
            // The pages the policy covers need no inline script or style to work.
            String index = text(server, "/").body();
            assertThat(index).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain("<style", "style=", " onclick=", " onload=");
            String survey = text(server, "/survey/not-a-token").body();
            assertThat(survey).doesNotContain("<style", "style=", "<script").contains("/css/survey.css");

            for (var answer : List.of(server.get("/api/v1/auth/session", agent), server.get("/api/v1/customers",
                    agent), server.get("/api/v1/customers", null), server.get("/api/v1/tickets/none", agent))) {
                assertThat(answer.raw().headers().firstValue("Cache-Control")).as(answer.raw().uri().getPath())
                        .contains("no-store");
                assertThat(answer.raw().headers().firstValue("Content-Security-Policy")).isPresent();
            }
            assertThat(text(server, "/survey/not-a-token").headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @StorageTest
    void aTicketTheReaderMayNotSeeIsNotFoundAndTheTimelineShowsItWithoutItsText(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String supervisor = server.login("supervisor");
            // Filed by Technical Support for a customer whom no one of Customer Service filed a ticket for: the agent's
            // front line does not serve the customer, so the ticket is not even the agent's to know of.
            String customerId = server.get("/api/v1/customers?q=" + URLEncoder.encode("李娜", StandardCharsets.UTF_8),
                    supervisor).text("/items/0/id");
            var opened = server.post("/api/v1/tickets", server.login("expert"), Map.of("customerId", customerId,
                    "type", "CONSULTATION", "title", "Secret merger plans", "description", "Board-only matter.",
                    "urgent", false, "important", false));
            assertThat(opened.status()).as(opened.raw().body()).isEqualTo(201);
            String id = opened.text("/id");
            String number = opened.text("/number");
            server.rapport.tickets().assign(Actor.system(), TicketId.of(id), new AssignTicket(opened.version(),
                    Optional.of(DepartmentId.of("technical-support")), Optional.empty()));

            var hidden = server.get("/api/v1/tickets/" + id, agent);
            var missing = server.get("/api/v1/tickets/no-such-ticket", agent);
            var progress = server.post("/api/v1/tickets/" + id + "/progress", agent, Map.of("version", 2,
                    "action", "Peeking", "visibility", "INTERNAL"));
            var history = server.get("/api/v1/tickets/" + id + "/history", agent);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.text("/code")).isEqualTo(missing.text("/code")).isEqualTo("ticket.not-found");
            assertThat(progress.status()).isEqualTo(404);
            assertThat(history.status()).isEqualTo(404);
            for (var answer : List.of(hidden, progress, history)) {
                assertThat(answer.raw().body()).doesNotContain(number).doesNotContain("Secret");
            }

            var agentsTimeline = entry(server.get("/api/v1/customers/" + customerId + "/timeline?limit=200", agent), id);
            var supervisorsTimeline = entry(server.get("/api/v1/customers/" + customerId + "/timeline?limit=200",
                    supervisor), id);
            assertThat(agentsTimeline.get("summary").asText()).doesNotContain("Secret").doesNotContain(number)
                    .contains("CONSULTATION");
            assertThat(supervisorsTimeline.get("summary").asText()).contains(number, "Secret merger plans");
            // A ticket the agent sees still tells its title.
            assertThat(server.get("/api/v1/tickets/" + id, supervisor).status()).isEqualTo(200);
        }
    }

    @StorageTest
    void mergingCustomersTakesItsOwnPermission(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String supervisor = server.login("supervisor");
            String admin = server.login("admin");
            String survivor = customer(server, supervisor, "Merge Survivor Co", "13900003333");
            String duplicate = customer(server, supervisor, "Merge Duplicate Co", "13900004444");
            String another = customer(server, supervisor, "Merge Another Co", "13900005555");

            var byAgent = server.post("/api/v1/customers/" + survivor + "/merge", agent, Map.of("duplicateId", duplicate));
            assertThat(byAgent.status()).isEqualTo(403);
            assertThat(byAgent.raw().body()).contains("customer.merge");
            assertThat(server.get("/api/v1/customers/" + duplicate, agent).body().has("mergedInto")
                    && !server.get("/api/v1/customers/" + duplicate, agent).body().get("mergedInto").isNull())
                    .as("the agent's merge left the duplicate alone").isFalse();
            assertThat(server.post("/api/v1/customers/" + survivor + "/merge", supervisor,
                    Map.of("duplicateId", duplicate)).status()).isEqualTo(200);
            assertThat(server.post("/api/v1/customers/" + survivor + "/merge", admin,
                    Map.of("duplicateId", another)).status()).isEqualTo(200);
            assertThat(permissions(server, agent)).doesNotContain("customer.merge");
            assertThat(permissions(server, supervisor)).contains("customer.merge");
            assertThat(permissions(server, admin)).contains("customer.merge");
        }
    }

    @StorageTest
    void thePermissionIsCheckedBeforeAnyInput(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String admin = server.login("admin");
            String supervisor = server.login("supervisor");
            var refused = List.of(
                    server.put("/api/v1/sla/policies", agent, Map.of("targets", "nonsense")),
                    server.put("/api/v1/sla/calendars", agent, Map.of()),
                    server.post("/api/v1/improvements", agent, Map.of()),
                    server.post("/api/v1/improvements/suggestions/x/dismiss", agent, Map.of()),
                    server.get("/api/v1/admin/dead-letters?limit=many", agent),
                    server.get("/api/v1/reports/kpis?from=yesterday", agent),
                    server.get("/api/v1/reports/monthly?month=soon", agent),
                    server.put("/api/v1/catalog/ticket-types", agent, Map.of()),
                    server.post("/api/v1/users", agent, Map.of()),
                    server.patch("/api/v1/users/x", agent, Map.of()),
                    server.post("/api/v1/departments", agent, Map.of()),
                    server.post("/api/v1/customers", admin, Map.of()),
                    server.post("/api/v1/tickets", admin, Map.of("priority", "P9")),
                    server.post("/api/v1/customers/x/merge", agent, Map.of()),
                    server.post("/api/v1/customers/x/purchases", admin, Map.of()));
            for (var answer : refused) {
                assertThat(answer.status()).as(answer.raw().request().method() + " " + answer.raw().uri())
                        .isEqualTo(403);
            }
            // The same input from someone allowed is still refused as invalid: validation runs, after the check.
            assertThat(server.put("/api/v1/sla/policies", admin, Map.of("targets", "nonsense")).status()).isEqualTo(422);
            assertThat(server.post("/api/v1/improvements", supervisor, Map.of()).status()).isEqualTo(422);
            assertThat(server.get("/api/v1/admin/dead-letters?limit=many", admin).status()).isEqualTo(422);
            assertThat(server.get("/api/v1/reports/kpis?from=yesterday", supervisor).status()).isEqualTo(422);
            // Without a session, 401 comes first.
            assertThat(server.put("/api/v1/sla/policies", null, Map.of()).status()).isEqualTo(401);
        }
    }

    @StorageTest
    void theDemoClockIsForAdmins(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            var before = server.clock.instant();
            for (String user : List.of("agent", "supervisor", "expert")) {
                var refused = server.post("/api/v1/demo/clock/advance", server.login(user), Map.of("duration", "PT1H"));
                assertThat(refused.status()).as(user).isEqualTo(403);
            }
            assertThat(server.clock.instant()).isEqualTo(before);
            var moved = server.post("/api/v1/demo/clock/advance", server.login("admin"), Map.of("duration", "PT1H"));
            assertThat(moved.status()).isEqualTo(200);
            assertThat(server.clock.instant()).isEqualTo(before.plusSeconds(3600));
        }
    }

    @StorageTest
    void theSurveyTokenNeverReachesTheLog(TestDatabase db) {
        var records = new ArrayList<LogRecord>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String token;
        try (var server = new TestServer(db)) {
            token = SurveysOverHttpTest.token(SurveysOverHttpTest.invited(server,
                    SurveysOverHttpTest.closedTicket(server)));
            // Without its database the SDK fails unexpectedly: an incident, logged with what the request was.
            server.rapport.close();
            var failed = server.post("/api/v1/public/surveys/" + token, null, Map.of("responseSpeed", 5));
            var page = text(server, "/survey/" + token);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(page.statusCode()).isEqualTo(500);
        } finally {
            root.removeHandler(capture);
        }
        synchronized (records) {
            var incidents = records.stream().filter(r -> String.valueOf(r.getMessage()).contains("incident")).toList();
            assertThat(incidents).extracting(LogRecord::getMessage)
                    .anyMatch(m -> m.endsWith("POST /api/v1/public/surveys/{token}"))
                    .anyMatch(m -> m.endsWith("GET /survey/{token}"));
            for (var record : records) {
                assertThat(record.getMessage() + " " + (record.getParameters() == null ? ""
                        : List.of(record.getParameters()))).doesNotContain(token);
            }
        }
    }

    @StorageTest
    void anAttachmentWhoseBytesAreNotOfItsDeclaredTypeIsRefused(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String attachments = AttachmentsOverHttpTest.openTicket(server, agent) + "/attachments";
            byte[] script = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
            var disguised = server.exchange(upload(server, attachments, agent, "image/png", "cat.png", script));
            var pdfAsPng = server.exchange(upload(server, attachments, agent, "image/png", "cat.png",
                    "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)));
            var pngAsPdf = server.exchange(upload(server, attachments, agent, "application/pdf", "quote.pdf", PNG));
            var png = server.exchange(upload(server, attachments, agent, "image/png", "cat.png", PNG));
            var text = server.exchange(upload(server, attachments, agent, "text/plain", "notes.txt",
                    "Call back on Monday.\n".getBytes(StandardCharsets.UTF_8)));
            var csv = server.exchange(upload(server, attachments, agent, "text/csv", "orders.csv",
                    "order,amount\n1,20\n".getBytes(StandardCharsets.UTF_8)));

            for (var refused : List.of(disguised, pdfAsPng, pngAsPdf)) {
                assertThat(refused.status()).isEqualTo(415);
                assertThat(refused.text("/code")).isEqualTo("attachment.type.mismatch");
            }
            assertThat(png.status()).isEqualTo(201);
            assertThat(text.status()).isEqualTo(201);
            assertThat(csv.status()).isEqualTo(201);
            assertThat(server.get(attachments, agent).body().at("/items").size()).isEqualTo(3);
        }
    }

    private static HttpRequest upload(TestServer server, String path, String token, String type, String name,
                                      byte[] bytes) {
        return AttachmentsOverHttpTest.upload(server, path, token, type, name,
                HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private static HttpResponse<String> text(TestServer server, String path) {
        return server.exchangeText(HttpRequest.newBuilder(server.uri(path)).GET().build());
    }

    private static JsonNode entry(TestServer.Response timeline, String refId) {
        assertThat(timeline.status()).isEqualTo(200);
        return StreamSupport.stream(timeline.body().at("/items").spliterator(), false)
                .filter(e -> e.get("refId").asText().equals(refId)).findFirst()
                .orElseThrow(() -> new AssertionError("no timeline entry for " + refId + ": " + timeline.body()));
    }

    private static String customer(TestServer server, String token, String name, String phone) {
        var created = server.post("/api/v1/customers?allowDuplicate=true", token, Map.of("kind", "ORGANIZATION",
                "name", name, "industry", "Retail", "contacts", List.of(Map.of("name", "Li Lei", "phone", phone))));
        assertThat(created.status()).isEqualTo(201);
        return created.text("/id");
    }

    private static List<String> permissions(TestServer server, String token) {
        return StreamSupport.stream(server.get("/api/v1/auth/session", token).body().at("/user/permissions")
                .spliterator(), false).map(JsonNode::asText).toList();
    }
}
