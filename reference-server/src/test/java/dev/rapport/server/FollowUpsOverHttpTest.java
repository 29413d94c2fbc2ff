package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.PageRequest;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md's follow-ups over real HTTP. The demo data has a training ticket closed at the test clock's start (Monday 23
 * November 2026, 09:00 in Shanghai), handled by {@code agent} for a key account of {@code manager}: the agent owns its
 * day-3 and day-7 follow-ups, the manager its day-30 visit. (Its other closed tickets have follow-ups too; the tests
 * keep to this one.)
 */
class FollowUpsOverHttpTest {
    @StorageTest
    void ownersListCompleteAndSkipTheirFollowUps(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String agentId = FlowOverHttpTest.userId(server, agent, "agent");
            String training = "&ticketId=" + trainingTicket(server);

            var mine = server.get("/api/v1/follow-ups?assigneeId=" + agentId + "&state=PENDING" + training, agent);
            assertThat(mine.status()).isEqualTo(200);
            assertThat(kinds(mine)).containsExactly("SATISFACTION_CHECK", "USAGE_GUIDE");
            assertThat(mine.text("/items/0/dueAt")).isEqualTo("2026-11-26T01:00:00Z");
            assertThat(mine.text("/items/0/ownerId")).isEqualTo(agentId);
            assertThat(mine.body().at("/items/0/ticketId").isTextual()).isTrue();
            assertThat(mine.body().has("nextCursor")).isTrue();
            String check = mine.text("/items/0/id");
            String guide = mine.text("/items/1/id");
            assertThat(kinds(server.get("/api/v1/follow-ups?dueBefore=2026-11-27T00:00:00Z" + training, agent)))
                    .containsExactly("SATISFACTION_CHECK");
            assertThat(server.get("/api/v1/follow-ups/" + check, agent).text("/purpose")).contains("stays solved");

            var done = server.post("/api/v1/follow-ups/" + check + "/complete", agent, Map.of(
                    "outcome", "The staff use order entry on their own now.", "note", "Wants a returns refresher."));
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.text("/state")).isEqualTo("DONE");
            assertThat(done.text("/outcome")).isEqualTo("The staff use order entry on their own now.");
            String customer = "/api/v1/customers/" + done.text("/customerId");
            var interactions = server.get(customer + "/interactions", agent);
            assertThat(interactions.text("/items/0/id")).isEqualTo(done.text("/interactionId"));
            assertThat(interactions.text("/items/0/content")).contains("Wants a returns refresher.");

            var skipped = server.post("/api/v1/follow-ups/" + guide + "/skip", agent,
                    Map.of("reason", "The recording covers the guide.", "version", 1));
            assertThat(skipped.status()).isEqualTo(200);
            assertThat(skipped.text("/state")).isEqualTo("SKIPPED");
            assertThat(skipped.text("/skipReason")).isEqualTo("The recording covers the guide.");
            assertThat(kinds(server.get("/api/v1/follow-ups?state=DONE,SKIPPED", agent)))
                    .containsExactlyInAnyOrder("SATISFACTION_CHECK", "USAGE_GUIDE");
            var timeline = server.get(customer + "/timeline", agent).body().at("/items");
            assertThat(timeline.findValuesAsText("kind")).contains("FOLLOW_UP", "INTERACTION", "TICKET");
        }
    }

    @StorageTest
    void administratorsSeeWhatTheCarePlanningLeftUnplannedAndTheMetricCountsIt(TestDatabase db) {
        try (var server = new TestServer(db)) {
            server.rapport.runDueWork();

            var unplanned = server.get("/api/v1/follow-ups/unplanned", server.login("admin"));
            assertThat(unplanned.status()).isEqualTo(200);
            assertThat(unplanned.body().at("/items").isArray()).as("every demo customer has an owner").isTrue();
            assertThat(unplanned.body().at("/items")).isEmpty();
            assertThat(server.get("/api/v1/follow-ups/unplanned", server.login("agent")).status()).isEqualTo(403);
            var metrics = server.exchangeText(HttpRequest.newBuilder(server.uri("/metrics")).GET().build()).body();
            assertThat(MetricsOverHttpTest.parse(metrics)).anyMatch(s -> s.name().equals("rapport_care_unplanned_total")
                    && "maintenance".equals(s.labels().get("kind")) && s.value() == 0);
        }
    }

    @StorageTest
    void wrongStatesBadInputUnknownIdsAndOthersFollowUpsAreRefused(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String manager = server.login("manager");
            String supervisor = server.login("supervisor");
            String admin = server.login("admin");
            String check = server.get("/api/v1/follow-ups?ticketId=" + trainingTicket(server), agent)
                    .text("/items/0/id");
            String visit = server.get("/api/v1/follow-ups", manager).text("/items/0/id");

            var blank = server.post("/api/v1/follow-ups/" + check + "/complete", agent, Map.of("outcome", " ",
                    "note", 42));
            assertThat(blank.status()).isEqualTo(422);
            assertThat(blank.body().at("/errors").findValuesAsText("field")).containsExactly("note");
            var noOutcome = server.post("/api/v1/follow-ups/" + check + "/complete", agent, Map.of("note", "x"));
            assertThat(noOutcome.status()).isEqualTo(422);
            assertThat(noOutcome.body().at("/errors").findValuesAsText("field")).containsExactly("outcome");
            var noReason = server.post("/api/v1/follow-ups/" + check + "/skip", agent, Map.of());
            assertThat(noReason.body().at("/errors").findValuesAsText("field")).containsExactly("reason");
            var badQuery = server.get("/api/v1/follow-ups?state=LATE", agent);
            assertThat(badQuery.status()).isEqualTo(422);
            assertThat(badQuery.text("/errors/0/field")).isEqualTo("state");
            assertThat(server.get("/api/v1/follow-ups?dueBefore=tomorrow", agent).text("/errors/0/field"))
                    .isEqualTo("dueBefore");

            assertThat(server.post("/api/v1/follow-ups/" + visit + "/complete", agent, Map.of("outcome", "Visited."))
                    .status()).as("the manager's").isEqualTo(403);
            assertThat(server.get("/api/v1/follow-ups/" + visit, agent).status()).isEqualTo(403);
            assertThat(server.get("/api/v1/follow-ups/" + check, supervisor).status())
                    .as("the supervisor of the agent's department").isEqualTo(200);
            assertThat(server.get("/api/v1/follow-ups/" + visit, supervisor).status())
                    .as("a follow-up of Account Management").isEqualTo(403);
            assertThat(server.get("/api/v1/follow-ups/" + visit, admin).status()).isEqualTo(200);
            assertThat(server.get("/api/v1/follow-ups?assigneeId=" + FlowOverHttpTest.userId(server, manager,
                    "manager"), agent).body().at("/items").size()).as("out of the agent's reach").isZero();
            assertThat(server.get("/api/v1/follow-ups/nothing", agent).status()).isEqualTo(404);
            assertThat(server.post("/api/v1/follow-ups/nothing/skip", agent, Map.of("reason", "x")).status())
                    .isEqualTo(404);
            assertThat(server.get("/api/v1/follow-ups", null).status()).isEqualTo(401);

            var stale = server.post("/api/v1/follow-ups/" + check + "/skip", agent, Map.of("reason", "x", "version", 7));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(server.post("/api/v1/follow-ups/" + check + "/complete", agent, Map.of("outcome", "Fine."))
                    .status()).isEqualTo(200);
            var again = server.post("/api/v1/follow-ups/" + check + "/complete", agent, Map.of("outcome", "Fine."));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(server.post("/api/v1/follow-ups/" + check + "/skip", agent, Map.of("reason", "x")).status())
                    .isEqualTo(409);
        }
    }

    @StorageTest
    void theDemoClockMakesFollowUpsFallDueAndThenOverdue(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            String agent = server.login("agent");
            String training = trainingTicket(server);
            String check = server.get("/api/v1/follow-ups?ticketId=" + training, agent).text("/items/0/id");
            assertThat(server.get("/api/v1/follow-ups/" + check, agent).body().get("dueAnnouncedAt").isNull()).isTrue();

            var advanced = server.post("/api/v1/demo/clock/advance", server.login("admin"), Map.of("duration", "P3D"));
            assertThat(advanced.status()).isEqualTo(200);

            // Three days on, the tokens of the morning have expired.
            agent = server.login("agent");
            String manager = server.login("manager");
            var due = server.get("/api/v1/follow-ups/" + check, agent);
            assertThat(due.text("/dueAnnouncedAt")).isEqualTo("2026-11-26T01:00:00Z");
            assertThat(due.text("/state")).isEqualTo("PENDING");
            assertThat(kinds(server.get("/api/v1/follow-ups?state=PENDING", manager)))
                    .as("the day's planning: the key account's quarterly review, then the day-30 visit")
                    .containsExactly("MAINTENANCE", "ACCOUNT_VISIT");

            server.post("/api/v1/demo/clock/advance", server.login("admin"), Map.of("duration", "P1D"));
            agent = server.login("agent");

            assertThat(server.get("/api/v1/follow-ups/" + check, agent).text("/state")).isEqualTo("OVERDUE");
            assertThat(kinds(server.get("/api/v1/follow-ups?state=OVERDUE&ticketId=" + training, agent)))
                    .containsExactly("SATISFACTION_CHECK");
        }
    }

    /** The demo's training ticket: closed by {@code agent}, for a key account of {@code manager}. */
    private static String trainingTicket(TestServer server) {
        return server.rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().filter(t -> t.title().filter("新员工系统培训"::equals).isPresent()).findFirst()
                .orElseThrow().id().value();
    }

    private static List<String> kinds(TestServer.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        var kinds = new ArrayList<String>();
        for (JsonNode item : response.body().at("/items")) {
            kinds.add(item.get("kind").asText());
        }
        return kinds;
    }
}
