package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's customer interactions, purchases and timeline over real HTTP. */
class CustomerActivityOverHttpTest {
    @StorageTest
    void interactionsAndPurchasesShowOnTheTimelineNewestFirst(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String customer = "/api/v1/customers/" + server.get("/api/v1/customers?q=Northwind", agent).text("/items/0/id");

            var call = server.post(customer + "/interactions", agent, Map.of("at", "2026-11-23T00:30:00Z",
                    "method", "PHONE", "participants", List.of("Anna Schmidt", "王芳"), "topic", "Volume discount",
                    "content", "Discussed tier B pricing.", "initialResponse", "Interested", "nextAction", "Send offer",
                    "plannedCompletion", "2026-11-25T09:00:00Z"));
            assertThat(call.status()).isEqualTo(201);
            assertThat(call.text("/method")).isEqualTo("PHONE");
            assertThat(call.body().at("/participants").size()).isEqualTo(2);
            assertThat(call.text("/ownerId")).isEqualTo(FlowOverHttpTest.userId(server, agent, "agent"));

            var purchase = server.post(customer + "/purchases", agent, Map.of("date", "2026-11-20", "amount", 12500.5,
                    "currency", "CNY"));
            assertThat(purchase.status()).isEqualTo(201);
            assertThat(purchase.raw().body()).contains("\"amount\":12500.5", "\"currency\":\"CNY\"");

            assertThat(server.get(customer + "/interactions", agent).body().at("/items").size()).isEqualTo(1);
            var purchases = server.get(customer + "/purchases", agent);
            assertThat(purchases.text("/items/0/date")).isEqualTo("2026-11-20");
            assertThat(purchases.raw().body()).contains("\"cumulative\":{\"amount\":12500.5,\"currency\":\"CNY\"}");

            var timeline = server.get(customer + "/timeline", agent).body().at("/items");
            assertThat(timeline.valueStream().map(e -> e.get("kind").asText()))
                    .containsExactly("TICKET", "INTERACTION", "PURCHASE");
            assertThat(timeline.get(1).get("refId").asText()).isEqualTo(call.text("/id"));
            assertThat(timeline.get(1).get("summary").asText()).isEqualTo("PHONE: Volume discount");
            assertThat(timeline.get(2).get("at").asText()).isEqualTo("2026-11-19T16:00:00Z");
        }
    }

    @StorageTest
    void badActivityInputIsNamed(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String customer = "/api/v1/customers/" + server.get("/api/v1/customers?q=Northwind", agent).text("/items/0/id");
            var interaction = server.post(customer + "/interactions", agent, Map.of("method", "PIGEON", "topic", "x"));
            assertThat(interaction.status()).isEqualTo(422);
            assertThat(interaction.body().at("/errors").findValuesAsText("field")).containsExactly("method");
            var purchase = server.post(customer + "/purchases", agent, Map.of("date", "2026-11-20", "amount", "lots",
                    "currency", "CNY"));
            assertThat(purchase.status()).isEqualTo(422);
            assertThat(purchase.body().at("/errors").findValuesAsText("field")).containsExactly("amount");
            assertThat(server.get("/api/v1/customers/nobody/timeline", agent).status()).isEqualTo(404);
            assertThat(server.post("/api/v1/customers/nobody/purchases", agent,
                    Map.of("date", "2026-11-20", "amount", 1, "currency", "CNY")).status()).isEqualTo(404);
        }
    }

    @StorageTest
    void aDuplicateIsMergedIntoItsSurvivorOnce(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var survivor = server.get("/api/v1/customers?q=Northwind", agent).body().at("/items/0");
            var duplicate = server.post("/api/v1/customers?allowDuplicate=true", agent, Map.of("kind", "ORGANIZATION",
                    "name", "Northwind Retail Limited", "industry", "Retail", "firstContactChannel", "EMAIL",
                    "contacts", List.of(Map.of("name", "Anna", "email", "anna.s@northwind.example"))));
            assertThat(duplicate.status()).isEqualTo(201);
            assertThat(duplicate.text("/firstContactChannel")).isEqualTo("EMAIL");
            String path = "/api/v1/customers/" + survivor.get("id").asText() + "/merge";

            String supervisor = server.login("supervisor"); // merging is irreversible: customer.merge, not an agent's
            var merged = server.post(path, supervisor, Map.of("duplicateId", duplicate.text("/id")));
            assertThat(merged.status()).isEqualTo(200);
            assertThat(merged.body().at("/contacts").size()).isEqualTo(survivor.at("/contacts").size() + 1);
            assertThat(server.post(path, supervisor, Map.of("duplicateId", duplicate.text("/id"))).status()).isEqualTo(200);
            assertThat(server.get("/api/v1/customers/" + duplicate.text("/id"), agent).text("/mergedInto"))
                    .isEqualTo(survivor.get("id").asText());

            var self = server.post(path, supervisor, Map.of("duplicateId", survivor.get("id").asText()));
            assertThat(self.status()).isEqualTo(422);
            assertThat(self.body().at("/errors").findValuesAsText("field")).containsExactly("duplicateId");
        }
    }
}
