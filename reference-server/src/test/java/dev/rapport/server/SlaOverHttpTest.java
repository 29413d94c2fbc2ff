package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Tickets" monitor filters, escalation and ownership, "SLA and catalogs", and the demo clock. */
class SlaOverHttpTest {

    @StorageTest
    void aP1ComplaintWithoutResponseIsAtRiskAfter25MinutesAndOverdueAndEscalatedAfter35(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            String supervisor = server.login("supervisor");
            String admin = server.login("admin"); // the demo clock is the admins'
            String ticketId = openTicket(server, supervisor, "COMPLAINT", "P1");

            assertThat(listed(server, supervisor, "atRisk=true")).doesNotContain(ticketId);
            var advanced = server.post("/api/v1/demo/clock/advance", admin, Map.of("duration", "PT25M"));
            assertThat(advanced.status()).isEqualTo(200);
            assertThat(advanced.text("/now")).isEqualTo("2026-11-23T01:25:00Z");

            assertThat(listed(server, supervisor, "atRisk=true")).contains(ticketId);
            assertThat(listed(server, supervisor, "overdue=true")).doesNotContain(ticketId);
            assertThat(server.get("/api/v1/tickets/" + ticketId, supervisor).body().at("/sla/atRisk").toString())
                    .contains("FIRST_RESPONSE");

            server.post("/api/v1/demo/clock/advance", admin, Map.of("duration", "PT10M"));

            assertThat(listed(server, supervisor, "overdue=true")).contains(ticketId);
            assertThat(listed(server, supervisor, "atRisk=true")).doesNotContain(ticketId);
            var ticket = server.get("/api/v1/tickets/" + ticketId, supervisor);
            assertThat(ticket.text("/escalation")).isEqualTo("EXPERTS");
            assertThat(ticket.body().at("/sla/breached").toString()).contains("FIRST_RESPONSE");
            var history = server.get("/api/v1/tickets/" + ticketId + "/history", supervisor).body().at("/items");
            assertThat(history.findValuesAsText("action")).contains("ticket.sla.alarm");
        }
    }

    @StorageTest
    void theDemoClockAnswers404OutsideDemoModeAndRefusesBadDurations(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            assertThat(server.post("/api/v1/demo/clock/advance", agent, Map.of("duration", "PT1H")).status())
                    .isEqualTo(404);
        }
        try (var server = TestServer.demo(db)) {
            String admin = server.login("admin");
            assertThat(server.post("/api/v1/demo/clock/advance", null, Map.of("duration", "PT1H")).status())
                    .isEqualTo(401);
            var negative = server.post("/api/v1/demo/clock/advance", admin, Map.of("duration", "-PT1H"));
            assertThat(negative.status()).isEqualTo(422);
            assertThat(negative.text("/errors/0/field")).isEqualTo("duration");
            assertThat(server.post("/api/v1/demo/clock/advance", admin, Map.of("duration", "soon")).status())
                    .isEqualTo(422);
        }
    }

    @StorageTest
    void anAcceptedEscalationBelongsToTheExpertAndOnlyASupervisorReassignsIt(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");
            String expert = server.login("expert");
            String admin = server.login("admin");
            String ticketId = openTicket(server, supervisor, "AFTER_SALES_SUPPORT", "P3");
            String path = "/api/v1/tickets/" + ticketId;

            assertThat(server.post(path + "/accept", expert, null).status()).isEqualTo(409);
            var escalated = server.post(path + "/escalate", supervisor,
                    Map.of("reason", "Needs firmware knowledge", "version", 1));
            assertThat(escalated.status()).isEqualTo(200);
            assertThat(escalated.text("/escalation")).isEqualTo("EXPERTS");
            assertThat(server.post(path + "/escalate", supervisor, Map.of("version", escalated.version())).status())
                    .isEqualTo(422);

            var accepted = server.post(path + "/accept", expert, null);
            assertThat(accepted.status()).isEqualTo(200);
            String expertId = FlowOverHttpTest.userId(server, supervisor, "expert");
            assertThat(accepted.text("/ownerId")).isEqualTo(expertId);
            assertThat(accepted.text("/assigneeId")).isEqualTo(expertId);

            var byAdmin = server.post(path + "/assign", admin, Map.of("assigneeId",
                    FlowOverHttpTest.userId(server, supervisor, "supervisor"), "version", accepted.version()));
            assertThat(byAdmin.status()).isEqualTo(403);
            var bySupervisor = server.post(path + "/assign", supervisor, Map.of("departmentId", "customer-service",
                    "assigneeId", FlowOverHttpTest.userId(server, supervisor, "agent"), "version", accepted.version()));
            assertThat(bySupervisor.status()).isEqualTo(200);
        }
    }

    @StorageTest
    void adminsEditThePolicyAndCalendarsOthersOnlyReadThem(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            String agent = server.login("agent");
            var policy = server.get("/api/v1/sla/policies", agent);
            assertThat(policy.status()).isEqualTo(200);
            assertThat(policy.text("/targets/P1/firstResponse")).isEqualTo("PT30M");
            assertThat(policy.text("/targets/P2/calendarId")).isEqualTo("business-hours");

            var calendars = server.get("/api/v1/sla/calendars", agent).body().at("/items");
            assertThat(calendars.findValuesAsText("id")).containsExactly("24x7", "business-hours");
            var support = Map.of("id", "support-cn", "name", "Support CN", "zone", "Asia/Shanghai",
                    "week", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "12:00"),
                            Map.of("start", "13:00", "end", "18:00"))),
                    "holidays", List.of("2026-12-25"), "extraWorkingDays", Map.of());
            var all = new ArrayList<Object>();
            calendars.forEach(all::add);
            all.add(support);
            assertThat(server.put("/api/v1/sla/calendars", agent, Map.of("items", all)).status()).isEqualTo(403);
            var saved = server.put("/api/v1/sla/calendars", admin, Map.of("items", all));
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.body().at("/items").findValuesAsText("id")).contains("support-cn");
            var dropped = server.put("/api/v1/sla/calendars", admin, Map.of("items", List.of(support)));
            assertThat(dropped.status()).isEqualTo(422);

            var targets = server.get("/api/v1/sla/policies", admin).body().get("targets").deepCopy();
            ((ObjectNode) targets.get("P3")).put("calendarId", "support-cn")
                    .put("firstResponse", "PT90M");
            assertThat(server.put("/api/v1/sla/policies", agent, Map.of("targets", targets)).status()).isEqualTo(403);
            var updated = server.put("/api/v1/sla/policies", admin, Map.of("targets", targets));
            assertThat(updated.status()).isEqualTo(200);
            assertThat(server.get("/api/v1/sla/policies", agent).text("/targets/P3/firstResponse")).isEqualTo("PT1H30M");

            ((ObjectNode) targets.get("P4")).put("calendarId", "nowhere")
                    .put("resolution", "PT0S");
            var refused = server.put("/api/v1/sla/policies", admin, Map.of("targets", targets));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().at("/errors").findValuesAsText("field"))
                    .contains("targets.P4.calendarId", "targets.P4.resolution");
        }
    }

    @StorageTest
    void adminsExtendTheTicketTypeCatalogWithoutDroppingTypes(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            String supervisor = server.login("supervisor");
            var types = new ArrayList<Object>();
            server.get("/api/v1/catalog/ticket-types", supervisor).body().at("/items").forEach(types::add);
            types.add(Map.of("code", "WARRANTY", "name", "Warranty claim", "defaultDepartment", "technical-support",
                    "stage", "AFTER_SALES"));

            assertThat(server.put("/api/v1/catalog/ticket-types", supervisor, Map.of("items", types)).status())
                    .isEqualTo(403);
            var saved = server.put("/api/v1/catalog/ticket-types", admin, Map.of("items", types));
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.body().at("/items").findValuesAsText("code")).contains("WARRANTY", "COMPLAINT");
            var warranty = server.get("/api/v1/tickets/" + openTicket(server, supervisor, "WARRANTY", "P4"), supervisor);
            assertThat(warranty.text("/departmentId")).isEqualTo("technical-support");

            var dropped = server.put("/api/v1/catalog/ticket-types", admin, Map.of("items", List.of(Map.of(
                    "code", "WARRANTY", "name", "Warranty", "defaultDepartment", "technical-support",
                    "stage", "SOMETIME"))));
            assertThat(dropped.status()).isEqualTo(422);
            assertThat(dropped.body().at("/errors").findValuesAsText("field")).contains("items[0].stage");
        }
    }

    private static String openTicket(TestServer server, String token, String type, String priority) {
        var customer = server.post("/api/v1/customers?allowDuplicate=true", token, Map.of(
                "kind", "ORGANIZATION", "name", "Monitor Test Co", "industry", "Retail",
                "contacts", List.of(Map.of("name", "Li Lei", "phone", "13900001111"))));
        assertThat(customer.status()).isEqualTo(201);
        var ticket = server.post("/api/v1/tickets", token, Map.of("customerId", customer.text("/id"), "type", type,
                "description", "Production line stopped after the update.", "priority", priority));
        assertThat(ticket.status()).isEqualTo(201);
        return ticket.text("/id");
    }

    private static List<String> listed(TestServer server, String token, String query) {
        var page = server.get("/api/v1/tickets?" + query, token);
        assertThat(page.status()).isEqualTo(200);
        return page.body().at("/items").findValuesAsText("id");
    }
}
