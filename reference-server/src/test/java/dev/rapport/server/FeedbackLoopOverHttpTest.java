package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's acceptance, through HTTP only, in demo mode: a ticket is closed, its customer answers the survey by the
 * public link, three days pass on the demo clock, and the day-3 follow-up is listed as due; the reports count it all.
 */
class FeedbackLoopOverHttpTest {
    @StorageTest
    void closeAnswerTheSurveyAdvanceThreeDaysAndTheFollowUpIsDue(TestDatabase db) throws Exception {
        try (var server = TestServer.demo(db)) {
            String agent = server.login("agent");
            String admin = server.login("admin");
            String agentId = server.get("/api/v1/users?limit=200", admin).body().findParents("employeeId").stream()
                    .filter(u -> u.get("employeeId").asText().equals("agent")).findFirst().orElseThrow()
                    .get("id").asText();
            var customer = server.post("/api/v1/customers", agent, Map.of("kind", "ORGANIZATION",
                    "name", "宁波长风电子有限公司", "industry", "Manufacturing", "contacts", List.of(Map.of(
                            "name", "陈芳", "phone", "13655556666", "email", "chen.fang@changfeng.example"))));
            String ticketId = server.post("/api/v1/tickets", agent, Map.of("customerId", customer.text("/id"),
                    "type", "CONSULTATION", "priority", "P3", "description", "How do I export the stock list?"))
                    .text("/id");
            step(server.post("/api/v1/tickets/" + ticketId + "/assign", agent,
                    Map.of("assigneeId", agentId, "version", version(server, ticketId, agent))));
            step(server.post("/api/v1/tickets/" + ticketId + "/progress", agent, Map.of("action",
                    "Sent the export guide", "visibility", "CUSTOMER", "version", version(server, ticketId, agent))));
            step(server.post("/api/v1/tickets/" + ticketId + "/resolve", agent, Map.of("solution",
                    "Export under Stock > Export", "communicatedVia", "PHONE", "version", version(server, ticketId,
                            agent))));
            var closed = server.post("/api/v1/tickets/" + ticketId + "/confirmation", agent, Map.of("opinion",
                    "SATISFIED", "method", "PHONE", "version", version(server, ticketId, agent)));

            String link = invitationLink(server, ticketId, agent);
            String token = link.substring(link.lastIndexOf('/') + 1);
            var form = server.exchangeText(HttpRequest.newBuilder(server.uri("/survey/" + token + "?lang=en"))
                    .GET().build());
            var answered = server.post("/api/v1/public/surveys/" + token, null, Map.of("responseSpeed", 5,
                    "resolution", 4, "attitude", 5, "overall", 5, "recommend", 9, "comment", "Quick and clear."));
            var beforeDue = followUps(server, ticketId, agent);
            var advanced = server.post("/api/v1/demo/clock/advance", server.login("admin"), Map.of("duration", "P3D"));
            agent = server.login("agent"); // three days on, the morning's tokens have expired
            var afterThreeDays = followUps(server, ticketId, agent);
            var kpis = server.get("/api/v1/reports/kpis?from=2026-11-01&to=2026-11-30", server.login("admin"));

            assertThat(closed.status()).isEqualTo(200);
            assertThat(closed.text("/status")).isEqualTo("CLOSED");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("<form");
            assertThat(answered.status()).isEqualTo(201);
            assertThat(beforeDue).extracting(f -> f.get("kind").asText())
                    .containsExactly("SATISFACTION_CHECK", "USAGE_GUIDE", "ACCOUNT_VISIT");
            assertThat(beforeDue.getFirst().get("dueAnnouncedAt").isNull()).as("not due yet").isTrue();
            assertThat(advanced.status()).isEqualTo(200);
            assertThat(afterThreeDays.getFirst().get("kind").asText()).isEqualTo("SATISFACTION_CHECK");
            assertThat(afterThreeDays.getFirst().get("state").asText()).isEqualTo("PENDING");
            assertThat(afterThreeDays.getFirst().get("ownerId").asText()).isEqualTo(agentId);
            assertThat(afterThreeDays.getFirst().get("dueAnnouncedAt").isNull()).as("fallen due").isFalse();
            assertThat(afterThreeDays.get(1).get("dueAnnouncedAt").isNull()).as("day 7 still ahead").isTrue();
            assertThat(kpis.status()).isEqualTo(200);
            assertThat(kpis.body().at("/survey/answers").asLong()).as("this answer and the demo's").isPositive();
        }
    }

    private static void step(TestServer.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }

    private static long version(TestServer server, String ticketId, String token) {
        return server.get("/api/v1/tickets/" + ticketId, token).body().get("version").asLong();
    }

    /**
     * The survey's link as the customer gets it, once the provider's invitation came back through the outbox: staff
     * see that it was sent, never the link, so it is read as the host that hands it to the customer's channel.
     */
    private static String invitationLink(TestServer server, String ticketId, String token) {
        var listed = Eventually.value("the survey of ticket " + ticketId + " invited", () -> {
            var survey = server.get("/api/v1/surveys?ticketId=" + ticketId, token).body().at("/items/0");
            return survey.path("state").asText().equals("INVITED") ? Optional.of(survey) : Optional.empty();
        });
        assertThat(listed.get("link").isNull()).as("no link for staff").isTrue();
        return server.rapport.surveys().ofTicket(Actor.system(), TicketId.of(ticketId)).getFirst().link()
                .orElseThrow().toString();
    }

    private static List<JsonNode> followUps(TestServer server, String ticketId, String token) {
        var response = server.get("/api/v1/follow-ups?ticketId=" + ticketId, token);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return StreamSupport.stream(response.body().get("items").spliterator(), false).toList();
    }
}
