package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's improvements, the suggestions behind them and tickets' tags, over real HTTP. */
class ImprovementsOverHttpTest {
    private static final String IMPROVEMENTS = "/api/v1/improvements";

    @StorageTest
    void anImprovementGoesFromProposedToVerifiedWithTheAverageOfItsScores(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");
            String agent = server.login("agent");
            String agentId = FlowOverHttpTest.userId(server, supervisor, "agent");
            var customers = customerIds(server, agent);
            String ticket = openTicket(server, agent, customers.getFirst(), List.of());

            var created = server.post(IMPROVEMENTS, supervisor, Map.of("problem", "Invoices show the old VAT rate",
                    "rootCause", "PROCESS_GAP", "measures", "Check the first invoice run after every rate change",
                    "departmentId", "finance", "ownerId", agentId, "plannedDate", "2026-12-15",
                    "ticketIds", List.of(ticket), "customerIds", List.of(customers.getFirst())));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("/state")).isEqualTo("PROPOSED");
            assertThat(created.version()).isEqualTo(1);
            assertThat(created.text("/plannedDate")).isEqualTo("2026-12-15");
            assertThat(created.body().at("/averageScore").isNull()).isTrue();
            assertThat(created.body().at("/ticketIds/0").asText()).isEqualTo(ticket);
            String path = IMPROVEMENTS + "/" + created.text("/id");

            assertThat(server.get(path, agent).text("/problem")).isEqualTo("Invoices show the old VAT rate");
            assertThat(ids(server.get(IMPROVEMENTS + "?state=PROPOSED&ownerId=" + agentId, agent)))
                    .containsExactly(created.text("/id"));
            assertThat(ids(server.get(IMPROVEMENTS + "?departmentId=finance&state=DONE", agent))).isEmpty();
            assertThat(server.patch(path, supervisor, Map.of("state", "DONE", "version", 1)).status())
                    .as("a step skipped").isEqualTo(409);
            assertThat(server.post(path + "/verify", supervisor, Map.of("score", 4)).status())
                    .as("verified before it is done").isEqualTo(409);
            var started = server.patch(path, agent, Map.of("state", "IN_PROGRESS", "notes", "Finance agreed",
                    "version", 1));
            assertThat(started.status()).isEqualTo(200);
            assertThat(started.version()).isEqualTo(2);
            assertThat(started.text("/notes")).isEqualTo("Finance agreed");
            assertThat(server.patch(path, agent, Map.of("measures", "lost update", "version", 1)).status())
                    .as("a stale version").isEqualTo(409);
            var done = server.patch(path, agent, Map.of("state", "DONE", "version", 2));
            assertThat(done.text("/state")).isEqualTo("DONE");
            assertThat(done.text("/completedDate")).isEqualTo("2026-11-23");

            var outOfRange = server.post(path + "/verify", supervisor, Map.of("score", 6));
            assertThat(outOfRange.status()).isEqualTo(422);
            assertThat(fields(outOfRange)).containsExactly("score");
            var first = server.post(path + "/verify", supervisor, Map.of("score", 5, "note", "No complaint since",
                    "customerId", customers.getFirst()));
            var second = server.post(path + "/verify", agent, Map.of("score", 4));
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text("/state")).isEqualTo("VERIFIED");
            assertThat(second.body().at("/averageScore").decimalValue()).isEqualByComparingTo("4.5");
            assertThat(second.body().at("/verifications/0/customerId").asText()).isEqualTo(customers.getFirst());
            assertThat(server.get(path + "/history", agent).body().at("/items").findValuesAsText("action"))
                    .containsExactly("improvement.created", "improvement.updated", "improvement.updated",
                            "improvement.verified", "improvement.verified");
        }
    }

    @StorageTest
    void badInputIsNamedUnknownIdsAreNotFoundAndMissingRightsAreForbidden(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");
            String agent = server.login("agent");
            String expert = server.login("expert");
            var body = new HashMap<String, Object>(Map.of("problem", "", "rootCause", "BAD_LUCK",
                    "measures", "Retrain", "departmentId", "nowhere", "ownerId", "nobody",
                    "ticketIds", List.of("no-such-ticket"), "customerIds", List.of("no-such-customer")));

            var unreadable = server.post(IMPROVEMENTS, supervisor, body);
            body.put("rootCause", "HUMAN_ERROR");
            var invalid = server.post(IMPROVEMENTS, supervisor, body);

            assertThat(unreadable.status()).isEqualTo(422);
            assertThat(fields(unreadable)).containsExactly("rootCause");
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(fields(invalid)).containsExactlyInAnyOrder("problem", "departmentId", "ownerId",
                    "ticketIds[0]", "customerIds[0]");
            assertThat(server.sendRaw("POST", IMPROVEMENTS, supervisor, "{\"problem\":").status()).isEqualTo(400);
            assertThat(server.get(IMPROVEMENTS + "/no-such-improvement", agent).status()).isEqualTo(404);
            assertThat(server.patch(IMPROVEMENTS + "/no-such-improvement", supervisor, Map.of("version", 1)).status())
                    .isEqualTo(404);
            assertThat(server.get(IMPROVEMENTS + "?state=SOMEDAY", agent).status()).isEqualTo(422);
            assertThat(server.get(IMPROVEMENTS, null).status()).isEqualTo(401);

            body.putAll(Map.of("problem", "Slow refunds", "departmentId", "finance", "ownerId",
                    FlowOverHttpTest.userId(server, supervisor, "supervisor"), "ticketIds", List.of(),
                    "customerIds", List.of()));
            assertThat(server.post(IMPROVEMENTS, agent, body).status()).isEqualTo(403);
            assertThat(server.post(IMPROVEMENTS, expert, body).status()).isEqualTo(403);
            var created = server.post(IMPROVEMENTS, supervisor, body);
            String path = IMPROVEMENTS + "/" + created.text("/id");
            assertThat(server.get(path, expert).status()).as("agents and experts read").isEqualTo(200);
            assertThat(server.patch(path, agent, Map.of("measures", "Mine", "version", 1)).status())
                    .as("changed by someone who neither owns nor manages it").isEqualTo(403);
            assertThat(server.post(path + "/verify", agent, Map.of("score", 3)).status()).isEqualTo(403);
            var noVersion = server.patch(path, supervisor, Map.of("measures", "Refund within a day"));
            assertThat(noVersion.status()).isEqualTo(422);
            assertThat(fields(noVersion)).containsExactly("version");
        }
    }

    @StorageTest
    void ticketsCarryTagsWhichTheyMayChangeAndAreListedBy(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String customer = customerIds(server, agent).getFirst();
            var opened = server.post("/api/v1/tickets", agent, Map.of("customerId", customer, "type", "CONSULTATION",
                    "description", "Which invoice template applies?", "priority", "P4",
                    "tags", List.of(" Invoice ", "template", "INVOICE")));
            assertThat(opened.status()).isEqualTo(201);
            assertThat(texts(opened.body().at("/tags"))).containsExactly("Invoice", "template");
            String path = "/api/v1/tickets/" + opened.text("/id");

            var retagged = server.put(path + "/tags", agent, Map.of("tags", List.of("billing"),
                    "version", opened.version()));
            assertThat(retagged.status()).isEqualTo(200);
            assertThat(texts(retagged.body().at("/tags"))).containsExactly("billing");
            assertThat(texts(server.get(path, agent).body().at("/tags"))).containsExactly("billing");
            assertThat(server.get("/api/v1/tickets?tag=BILLING", agent).body().at("/items")
                    .findValuesAsText("id")).containsExactly(opened.text("/id"));
            assertThat(server.put(path + "/tags", agent, Map.of("tags", List.of("late"), "version", opened.version()))
                    .status()).as("a stale version").isEqualTo(409);
            var tooLong = server.put(path + "/tags", agent, Map.of("tags", List.of("x".repeat(41)),
                    "version", retagged.version()));
            assertThat(tooLong.status()).isEqualTo(422);
            assertThat(fields(tooLong)).containsExactly("tags");
            var eleven = new ArrayList<String>();
            for (int i = 0; i < 11; i++) {
                eleven.add("tag " + i);
            }
            var tooMany = server.post("/api/v1/tickets", agent, Map.of("customerId", customer, "type", "CONSULTATION",
                    "description", "Too many tags", "priority", "P4", "tags", eleven));
            assertThat(tooMany.status()).isEqualTo(422);
            assertThat(fields(tooMany)).containsExactly("tags");
            assertThat(server.put("/api/v1/tickets/no-such-ticket/tags", agent, Map.of("tags", List.of(),
                    "version", 1)).status()).isEqualTo(404);
            assertThat(server.put(path + "/tags", server.login("expert"), Map.of("tags", List.of("x"),
                    "version", retagged.version())).status()).as("another department's ticket, out of sight").isEqualTo(404);
        }
    }

    @StorageTest
    void aThirdCustomerSuggestsAnImprovementWhichIsAdoptedOrDismissed(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");
            String agent = server.login("agent");
            var customers = customerIds(server, agent);
            var tickets = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                tickets.add(openTicket(server, agent, customers.get(i), List.of("发票 invoice")));
            }
            var deliveryTickets = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                deliveryTickets.add(openTicket(server, agent, customers.get(i), List.of("delivery")));
            }

            var open = server.get(IMPROVEMENTS + "/suggestions?state=OPEN&limit=10", agent);
            assertThat(open.status()).isEqualTo(200);
            var invoice = suggestionTagged(open, "发票 invoice");
            assertThat(invoice.get("ticketType").asText()).isEqualTo("COMPLAINT");
            assertThat(invoice.get("departmentId").asText()).isEqualTo("after-sales");
            assertThat(texts(invoice.get("ticketIds"))).containsExactlyElementsOf(tickets);
            assertThat(texts(invoice.get("customerIds"))).containsExactlyElementsOf(customers.subList(0, 3));
            String invoicePath = IMPROVEMENTS + "/suggestions/" + invoice.get("id").asText();
            assertThat(server.get(invoicePath, agent).text("/state")).isEqualTo("OPEN");

            var adopted = server.post(IMPROVEMENTS, supervisor, Map.of("problem", "Wrong invoices",
                    "rootCause", "PRODUCT_DEFECT", "measures", "Fix the template", "departmentId", "after-sales",
                    "ownerId", FlowOverHttpTest.userId(server, supervisor, "supervisor"),
                    "suggestionId", invoice.get("id").asText()));
            assertThat(adopted.status()).isEqualTo(201);
            assertThat(texts(adopted.body().at("/ticketIds"))).containsExactlyElementsOf(tickets);
            assertThat(adopted.text("/suggestionId")).isEqualTo(invoice.get("id").asText());
            assertThat(server.get(invoicePath, agent).text("/state")).isEqualTo("ADOPTED");
            assertThat(server.get(invoicePath, agent).text("/improvementId")).isEqualTo(adopted.text("/id"));
            assertThat(server.post(invoicePath + "/dismiss", supervisor, Map.of("reason", "Too late")).status())
                    .isEqualTo(409);

            String deliveryPath = IMPROVEMENTS + "/suggestions/"
                    + suggestionTagged(open, "delivery").get("id").asText();
            assertThat(server.post(deliveryPath + "/dismiss", agent, Map.of("reason", "Courier strike")).status())
                    .isEqualTo(403);
            var noReason = server.post(deliveryPath + "/dismiss", supervisor, Map.of());
            assertThat(noReason.status()).isEqualTo(422);
            assertThat(fields(noReason)).containsExactly("reason");
            var dismissed = server.post(deliveryPath + "/dismiss", supervisor, Map.of("reason", "Courier strike"));
            assertThat(dismissed.status()).isEqualTo(200);
            assertThat(dismissed.text("/state")).isEqualTo("DISMISSED");
            assertThat(dismissed.text("/dismissReason")).isEqualTo("Courier strike");
            assertThat(server.get(deliveryPath + "/history", agent).body().at("/items").findValuesAsText("action"))
                    .containsExactly("improvement.suggested", "improvement.suggestion.dismissed");
            assertThat(server.get(IMPROVEMENTS + "/suggestions/no-such-suggestion", agent).status()).isEqualTo(404);
            assertThat(server.get(IMPROVEMENTS + "/suggestions?state=LATER", agent).status()).isEqualTo(422);
            var reopenedTypeAndTag = server.get(IMPROVEMENTS + "/suggestions?state=DISMISSED", agent);
            assertThat(reopenedTypeAndTag.body().at("/items").findValuesAsText("tag")).containsExactly("delivery");
        }
    }

    /** A ticket opened a minute after the previous one, so that tickets are ordered by their opening. */
    private static String openTicket(TestServer server, String token, String customer, List<String> tags) {
        server.clock.advance(Duration.ofMinutes(1));
        var ticket = server.post("/api/v1/tickets", token, Map.of("customerId", customer, "type", "COMPLAINT",
                "description", "The invoice shows the wrong amount.", "priority", "P3", "tags", tags));
        assertThat(ticket.status()).isEqualTo(201);
        return ticket.text("/id");
    }

    private static List<String> customerIds(TestServer server, String token) {
        var ids = texts(server.get("/api/v1/customers?limit=10", token).body().at("/items"), "id");
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
        return ids;
    }

    private static JsonNode suggestionTagged(TestServer.Response page, String tag) {
        for (var item : page.body().at("/items")) {
            if (item.get("tag").asText().equals(tag)) {
                return item;
            }
        }
        throw new AssertionError("no suggestion tagged " + tag + " in " + page.body());
    }

    private static List<String> ids(TestServer.Response page) {
        assertThat(page.status()).isEqualTo(200);
        return page.body().at("/items").findValuesAsText("id");
    }

    private static List<String> fields(TestServer.Response problem) {
        return problem.body().at("/errors").findValuesAsText("field");
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
