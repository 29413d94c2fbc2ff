package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's core service flow end to end over real HTTP: the same steps the README walks through with curl. */
class FlowOverHttpTest {
    @StorageTest
    void anAgentTakesACustomerRequestFromIntakeToClosure(TestDatabase db) {
        try (var server = new TestServer(db)) {
            assertThat(server.get("/health", null).status()).isEqualTo(200);
            String agent = server.login("agent");

            var customer = server.post("/api/v1/customers", agent, Map.of(
                    "kind", "ORGANIZATION", "name", "上海星河贸易有限公司", "industry", "Retail",
                    "cooperationSince", "2025-06-01", "source", "REFERRAL", "tags", List.of("price"),
                    "contacts", List.of(Map.of("name", "刘洋", "title", "采购经理", "phone", "13911112222",
                            "email", "liu.yang@xinghe.example"))));
            assertThat(customer.status()).isEqualTo(201);
            assertThat(customer.text("/code")).matches("C2026\\d{6}");
            assertThat(customer.text("/contacts/0/phone")).isEqualTo("13911112222");
            String customerId = customer.text("/id");

            assertThat(server.get("/api/v1/customers?q=星河", agent).body().at("/items/0/id").asText()).isEqualTo(customerId);

            var ticket = server.post("/api/v1/tickets", agent, Map.of("customerId", customerId, "type", "CONSULTATION",
                    "title", "批量折扣", "description", "Asks which discount applies above 500 units per quarter.",
                    "urgent", false, "important", true, "channel", "PHONE"));
            assertThat(ticket.status()).isEqualTo(201);
            assertThat(ticket.text("/status")).isEqualTo("NEW");
            assertThat(ticket.text("/priority")).isEqualTo("P2");
            assertThat(ticket.text("/departmentId")).isEqualTo("customer-service");
            assertThat(ticket.body().at("/assigneeId").isNull()).isTrue();
            // 24 business hours from Monday 09:00 in Shanghai: Monday and Tuesday, then six hours of Wednesday.
            assertThat(Instant.parse(ticket.text("/sla/firstResponseDue"))).isEqualTo("2026-11-25T07:00:00Z");
            assertThat(ticket.body().at("/sla/paused").asBoolean(true)).isFalse();
            assertThat(ticket.body().at("/sla/breached").isArray()).isTrue();
            String id = ticket.text("/id");
            String path = "/api/v1/tickets/" + id;

            String agentId = userId(server, agent, "agent");
            var assigned = server.post(path + "/assign", agent, Map.of("assigneeId", agentId, "version", ticket.version()));
            assertThat(assigned.status()).isEqualTo(200);
            assertThat(assigned.text("/status")).isEqualTo("ASSIGNED");

            var progress = server.post(path + "/progress", agent, Map.of("action", "Sent the 2027 price list",
                    "visibility", "CUSTOMER", "version", assigned.version()));
            assertThat(progress.status()).isEqualTo(200);
            assertThat(progress.text("/status")).isEqualTo("IN_PROGRESS");
            assertThat(progress.text("/firstRespondedAt")).isNotEmpty();

            var resolved = server.post(path + "/resolve", agent, Map.of("solution", "Tier B discount, 8 %",
                    "communicatedVia", "EMAIL", "version", progress.version()));
            assertThat(resolved.text("/status")).isEqualTo("RESOLVED");

            var closed = server.post(path + "/confirmation", agent, Map.of("opinion", "SATISFIED", "method", "PHONE",
                    "comment", "Clear, thanks", "version", resolved.version()));
            assertThat(closed.status()).isEqualTo(200);
            assertThat(closed.text("/status")).isEqualTo("CLOSED");

            var details = server.get(path, agent);
            assertThat(details.body().at("/progress").size()).isEqualTo(1);
            assertThat(details.text("/confirmations/0/opinion")).isEqualTo("SATISFIED");
            var history = server.get(path + "/history", agent);
            // The survey is created with the closing; its invitation comes from the outbox and may be there already.
            assertThat(history.body().at("/items").valueStream().map(entry -> entry.get("action").asText())
                    .filter(action -> !action.equals("survey.invited"))).containsExactly(
                    "ticket.opened", "ticket.assigned", "ticket.progress", "ticket.resolved", "ticket.closed",
                    "survey.requested");
            assertThat(history.text("/items/1/changes/status/after")).isEqualTo("ASSIGNED");
            assertThat(history.text("/items/1/actorId")).isEqualTo(agentId);

            assertThat(server.post("/api/v1/auth/logout", agent, null).status()).isEqualTo(204);
            assertThat(server.get(path, agent).status()).isEqualTo(401);
        }
    }

    @StorageTest
    void aSupervisorRedirectsAndAssignsAcrossDepartmentsAndTheCustomerCanReopen(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");
            String customerId = server.get("/api/v1/customers?q=Northwind", supervisor).text("/items/0/id");
            var ticket = server.post("/api/v1/tickets", supervisor, Map.of("customerId", customerId,
                    "type", "COMPLAINT", "description", "The delivery arrived damaged.", "priority", "P3"));
            assertThat(ticket.text("/departmentId")).isEqualTo("after-sales");
            String path = "/api/v1/tickets/" + ticket.text("/id");

            String expertId = userId(server, supervisor, "expert");
            var assigned = server.post(path + "/assign", supervisor, Map.of("departmentId", "technical-support",
                    "assigneeId", expertId, "version", ticket.version()));
            assertThat(assigned.text("/departmentId")).isEqualTo("technical-support");

            String expert = server.login("expert");
            var working = server.post(path + "/progress", expert, Map.of("action", "Replacement shipped",
                    "visibility", "CUSTOMER", "status", "WAITING_CUSTOMER", "version", assigned.version()));
            assertThat(working.text("/status")).isEqualTo("WAITING_CUSTOMER");
            assertThat(working.body().at("/sla/paused").asBoolean()).isTrue();
            var back = server.post(path + "/progress", expert, Map.of("action", "Customer confirmed receipt",
                    "visibility", "INTERNAL", "status", "IN_PROGRESS", "version", working.version()));
            var resolved = server.post(path + "/resolve", expert, Map.of("solution", "Replaced the goods",
                    "communicatedVia", "PHONE", "version", back.version()));
            var reopened = server.post(path + "/confirmation", expert, Map.of("opinion", "UNSATISFIED",
                    "comment", "The replacement is damaged too", "version", resolved.version()));
            assertThat(reopened.text("/status")).isEqualTo("REOPENED");
        }
    }

    static String userId(TestServer server, String token, String employeeId) {
        for (var user : server.get("/api/v1/users?limit=200", token).body().at("/items")) {
            if (user.get("employeeId").asText().equals(employeeId)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError("no user " + employeeId);
    }
}
