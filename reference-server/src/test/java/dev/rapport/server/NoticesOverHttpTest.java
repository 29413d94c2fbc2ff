package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;

import java.net.URLEncoder;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 over HTTP in demo mode: the agent who filed a complaint finds its resolution and reopening among their own
 * notifications, pages through them and marks them read; nobody else reads or marks them.
 */
class NoticesOverHttpTest {
    private static final String NOTICES = "/api/v1/me/notifications";

    @StorageTest
    void theAgentWhoFiledAComplaintIsNotifiedInAppOfItsResolutionAndReopeningAndOnlyThey(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            String agent = server.login("agent");
            String colleague = server.login("agent2");
            String ticketId = filedResolvedAndReopened(server, agent, server.login("aftersales"));

            Eventually.until("the agent has both notices of the complaint",
                    () -> ofTicket(server.get(NOTICES, agent), ticketId).size() == 2);
            var all = server.get(NOTICES, agent);
            var mine = ofTicket(all, ticketId);
            assertThat(all.status()).isEqualTo(200);
            assertThat(mine).extracting(n -> n.get("type").asText())
                    .containsExactly("TICKET_REOPENED", "TICKET_RESOLVED");
            assertThat(mine.getFirst().get("ticketNumber").asText()).startsWith("T");
            assertThat(mine.getFirst().get("read").asBoolean()).isFalse();
            assertThat(Instant.parse(mine.getFirst().get("at").asText())).isBefore(Instant.parse("2100-01-01T00:00:00Z"));
            assertThat(mine.getFirst().get("title").asText()).isEqualTo("Printer without power cable");
            assertThat(all.body().get("unread").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(ofTicket(server.get(NOTICES, colleague), ticketId)).isEmpty();

            String reopened = mine.getFirst().get("id").asText();
            var byColleague = server.post(NOTICES + "/" + reopened + "/read", colleague, null);
            var byAgent = server.post(NOTICES + "/" + reopened + "/read", agent, null);

            assertThat(byColleague.status()).as("another user's notice is unknown to them").isEqualTo(404);
            assertThat(byAgent.status()).isEqualTo(204);
            assertThat(ofTicket(server.get(NOTICES + "?unread=true", agent), ticketId))
                    .extracting(n -> n.get("type").asText()).containsExactly("TICKET_RESOLVED");
            long unreadBefore = server.get(NOTICES, agent).body().get("unread").asLong();
            assertThat(unreadBefore).isEqualTo(all.body().get("unread").asLong() - 1);

            assertThat(server.post(NOTICES + "/read-all", agent, null).status()).isEqualTo(204);
            var afterAll = server.get(NOTICES + "?unread=true", agent);
            assertThat(afterAll.body().get("unread").asLong()).isZero();
            assertThat(afterAll.body().get("items")).isEmpty();
        }
    }

    @StorageTest
    void theListPagesByCursorAndRefusesWhatItDoesNotKnow(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            String agent = server.login("agent");
            String ticketId = filedResolvedAndReopened(server, agent, server.login("aftersales"));
            Eventually.until("the agent has both notices of the complaint",
                    () -> ofTicket(server.get(NOTICES, agent), ticketId).size() == 2);
            long total = server.get(NOTICES + "?limit=200", agent).body().get("items").size();

            var first = server.get(NOTICES + "?limit=1", agent);
            var second = server.get(NOTICES + "?limit=1&cursor=" + first.text("/nextCursor"), agent);

            assertThat(first.body().get("items")).hasSize(1);
            assertThat(second.body().get("items")).hasSize(1);
            assertThat(second.body().at("/items/0/id").asText()).isNotEqualTo(first.body().at("/items/0/id").asText());
            assertThat(second.body().get("nextCursor").isNull()).isEqualTo(total == 2);
            var badCursor = server.get(NOTICES + "?cursor=bm9wZQ", agent);
            var badFlag = server.get(NOTICES + "?unread=maybe", agent);
            var badLimit = server.get(NOTICES + "?limit=0", agent);
            assertThat(badCursor.status()).isEqualTo(422);
            assertThat(badCursor.body().at("/errors/0/field").asText()).isEqualTo("cursor");
            assertThat(badFlag.status()).isEqualTo(422);
            assertThat(badFlag.body().at("/errors/0/field").asText()).isEqualTo("unread");
            assertThat(badLimit.status()).isEqualTo(422);
            assertThat(server.post(NOTICES + "/no-such-notice/read", agent, null).status()).isEqualTo(404);
            assertThat(server.get(NOTICES, null).status()).isEqualTo(401);
        }
    }

    /** A complaint {@code agent} files, which After-Sales resolves and, the customer unhappy, records as reopened. */
    private static String filedResolvedAndReopened(TestServer server, String agent, String afterSales) {
        String customerId = StreamSupport.stream(server.get("/api/v1/customers?q=" + URLEncoder.encode("李娜",
                        StandardCharsets.UTF_8), agent).body().at("/items").spliterator(), false)
                .filter(c -> c.get("name").asText().equals("李娜")).findFirst().orElseThrow().get("id").asText();
        var filed = server.post("/api/v1/tickets", agent, Map.of("customerId", customerId, "type", "COMPLAINT",
                "urgent", true, "important", false, "channel", "PHONE", "title", "Printer without power cable",
                "description", "The replacement printer was delivered without its power cable."));
        assertThat(filed.status()).isEqualTo(201);
        String path = "/api/v1/tickets/" + filed.text("/id");
        String afterSalesId = FlowOverHttpTest.userId(server, afterSales, "aftersales");
        var assigned = server.post(path + "/assign", afterSales, Map.of("assigneeId", afterSalesId,
                "version", filed.version()));
        var progressed = server.post(path + "/progress", afterSales, Map.of("action", "A cable is on its way.",
                "visibility", "CUSTOMER", "version", assigned.version()));
        var resolved = server.post(path + "/resolve", afterSales, Map.of("solution", "Sent the power cable.",
                "communicatedVia", "PHONE", "version", progressed.version()));
        var reopened = server.post(path + "/confirmation", afterSales, Map.of("opinion", "UNSATISFIED",
                "method", "PHONE", "comment", "The cable does not fit", "version", resolved.version()));
        assertThat(List.of(assigned.status(), progressed.status(), resolved.status(), reopened.status()))
                .containsOnly(200);
        assertThat(reopened.text("/status")).isEqualTo("REOPENED");
        return filed.text("/id");
    }

    private static List<JsonNode> ofTicket(TestServer.Response list, String ticketId) {
        return StreamSupport.stream(list.body().get("items").spliterator(), false)
                .filter(n -> n.get("ticketId").asText().equals(ticketId)).toList();
    }
}
