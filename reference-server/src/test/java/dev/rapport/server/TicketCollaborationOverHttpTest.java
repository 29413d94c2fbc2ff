package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md "Tickets": exceptions, collaboration requests, watchers and the change-request trail, and how
 * {@code GET /api/v1/tickets/{id}} shows them.
 */
class TicketCollaborationOverHttpTest {
    private static final String NEW_ETA = "2026-12-01T09:00:00Z";

    @StorageTest
    void anExceptionWithANewEtaMovesTheResolutionDeadlineAndShowsOnTheTicket(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var ticket = openConsultation(server, agent);
            String path = "/api/v1/tickets/" + ticket.text("/id");

            var recorded = server.post(path + "/exceptions", agent, Map.of("kind", "EXTERNAL_BLOCKER",
                    "description", "The supplier has not sent the 2027 price list",
                    "customerInformed", "Told Anna the answer comes next week", "newEta", NEW_ETA,
                    "version", ticket.version()));

            assertThat(recorded.status()).isEqualTo(200);
            assertThat(recorded.version()).isEqualTo(ticket.version() + 1);
            assertThat(recorded.text("/sla/resolutionDue")).isEqualTo(NEW_ETA);
            var details = server.get(path, agent);
            assertThat(details.text("/sla/resolutionDue")).isEqualTo(NEW_ETA);
            var exception = details.body().at("/exceptions/0");
            assertThat(exception.get("kind").asText()).isEqualTo("EXTERNAL_BLOCKER");
            assertThat(exception.get("customerInformed").asText()).isEqualTo("Told Anna the answer comes next week");
            assertThat(exception.get("newEta").asText()).isEqualTo(NEW_ETA);
            assertThat(exception.get("recordedBy").asText()).isEqualTo(FlowOverHttpTest.userId(server, agent, "agent"));
            assertThat(exception.get("at").asText()).isEqualTo("2026-11-23T01:00:00Z");
            assertThat(server.get(path + "/history", agent).body().at("/items").findValuesAsText("action"))
                    .contains("ticket.exception");
        }
    }

    @StorageTest
    void badOrForbiddenExceptionsAreRefusedWithTheirStatus(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var ticket = openConsultation(server, agent);
            String path = "/api/v1/tickets/" + ticket.text("/id");
            var valid = Map.of("kind", "RESOURCE_CONFLICT", "description", "Pricing team is at a fair",
                    "customerInformed", "Nothing yet", "version", ticket.version());

            var empty = server.post(path + "/exceptions", agent, Map.of());
            assertThat(empty.status()).isEqualTo(422);
            assertThat(fields(empty)).contains("version", "kind", "description", "customerInformed");
            var past = server.post(path + "/exceptions", agent, with(valid, "newEta", "2026-11-22T00:00:00Z"));
            assertThat(past.status()).isEqualTo(422);
            assertThat(fields(past)).containsExactly("newEta");
            var unknownKind = server.post(path + "/exceptions", agent, with(valid, "kind", "BAD_WEATHER"));
            assertThat(fields(unknownKind)).containsExactly("kind");

            assertThat(server.post(path + "/exceptions", null, valid).status()).isEqualTo(401);
            assertThat(server.post(path + "/exceptions", server.login("expert"), valid).status())
                    .as("a ticket the expert may not see").isEqualTo(404);
            assertThat(server.post("/api/v1/tickets/no-such-ticket/exceptions", agent, valid).status())
                    .isEqualTo(404);
            assertThat(server.post(path + "/exceptions", agent, with(valid, "version", ticket.version() + 3))
                    .status()).isEqualTo(409);
            assertThat(server.get(path, agent).body().at("/exceptions").size()).isZero();
        }
    }

    @StorageTest
    void aCollaborationRequestIs201AndListedAmongTheCollaborators(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var ticket = openConsultation(server, agent);
            String path = "/api/v1/tickets/" + ticket.text("/id");

            var requested = server.post(path + "/collaborations", agent, Map.of("departmentId", "technical-support",
                    "request", "Can the printer driver export to CSV?"));

            assertThat(requested.status()).isEqualTo(201);
            assertThat(requested.text("/id")).isNotBlank();
            assertThat(requested.text("/departmentId")).isEqualTo("technical-support");
            assertThat(requested.text("/request")).isEqualTo("Can the printer driver export to CSV?");
            assertThat(requested.text("/requestedBy")).isEqualTo(FlowOverHttpTest.userId(server, agent, "agent"));
            assertThat(requested.text("/at")).isEqualTo("2026-11-23T01:00:00Z");
            var details = server.get(path, agent);
            assertThat(details.body().at("/collaborators")).containsExactly(requested.body());
            assertThat(details.version()).as("asking for help leaves the ticket's version").isEqualTo(ticket.version());
        }
    }

    @StorageTest
    void collaborationRequestsToTheOwnOrAnUnknownDepartmentOrOnClosedTicketsAreRefused(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var ticket = openConsultation(server, agent);
            String path = "/api/v1/tickets/" + ticket.text("/id");
            var valid = Map.of("departmentId", "technical-support", "request", "Please help");

            assertThat(fields(server.post(path + "/collaborations", agent, Map.of())))
                    .containsExactlyInAnyOrder("departmentId", "request");
            var own = server.post(path + "/collaborations", agent, with(valid, "departmentId", "customer-service"));
            assertThat(own.status()).isEqualTo(422);
            assertThat(fields(own)).containsExactly("departmentId");
            var unknown = server.post(path + "/collaborations", agent, with(valid, "departmentId", "astrology"));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(fields(unknown)).containsExactly("departmentId");
            assertThat(server.post(path + "/collaborations", server.login("expert"), valid).status())
                    .as("a ticket the expert may not see").isEqualTo(404);
            assertThat(server.post("/api/v1/tickets/no-such-ticket/collaborations", agent, valid).status())
                    .isEqualTo(404);

            var closed = close(server, agent, path, ticket.version());
            assertThat(server.post(path + "/collaborations", agent, valid).status()).isEqualTo(409);
            assertThat(server.post(path + "/exceptions", agent, Map.of("kind", "REQUIREMENT_CHANGE",
                    "description", "One more wish", "customerInformed", "Told", "version", closed.version()))
                    .status()).isEqualTo(409);
            assertThat(server.get(path, agent).body().at("/collaborators").size()).isZero();
        }
    }

    @StorageTest
    void theAccountManagerWatchesAKeyAccountsTicketAndMayReadIt(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");
            String manager = server.login("manager");
            String managerId = FlowOverHttpTest.userId(server, supervisor, "manager");
            var keyAccount = server.post("/api/v1/customers?allowDuplicate=true", supervisor, Map.of(
                    "kind", "ORGANIZATION", "name", "Key Account Watch Co", "industry", "Retail", "keyAccount", true,
                    "accountManagerId", managerId,
                    "contacts", List.of(Map.of("name", "Li Lei", "phone", "13900002222"))));
            assertThat(keyAccount.status()).isEqualTo(201);
            var watched = server.post("/api/v1/tickets", supervisor, Map.of("customerId", keyAccount.text("/id"),
                    "type", "COMPLAINT", "description", "The delivery arrived damaged.", "priority", "P3"));
            var unwatched = openConsultation(server, supervisor);

            var read = server.get("/api/v1/tickets/" + watched.text("/id"), manager);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().at("/watchers")).extracting(JsonNode::asText).containsExactly(managerId);
            assertThat(server.get("/api/v1/tickets/" + watched.text("/id") + "/history", manager).status())
                    .isEqualTo(200);
            assertThat(server.get("/api/v1/tickets/" + unwatched.text("/id"), manager).status()).isEqualTo(404);
            assertThat(server.get("/api/v1/tickets/" + unwatched.text("/id"), supervisor).body().at("/watchers")
                    .size()).isZero();
        }
    }

    @StorageTest
    void aChangeRequestShowsItsRequirementTrailAndEveryTicketShowsItsRecords(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");
            String customerId = server.get("/api/v1/customers?q=Northwind", supervisor).text("/items/0/id");
            var first = server.post("/api/v1/tickets", supervisor, Map.of("customerId", customerId,
                    "type", "CHANGE_REQUEST", "title", "CSV export", "description", "Export orders as CSV.",
                    "priority", "P3"));
            var changed = server.post("/api/v1/tickets/" + first.text("/id") + "/exceptions", supervisor, Map.of(
                    "kind", "REQUIREMENT_CHANGE", "description", "Excel files as well",
                    "customerInformed", "Confirmed the wider scope by e-mail", "version", first.version()));
            assertThat(changed.status()).isEqualTo(200);
            server.clock.advance(Duration.ofHours(1));
            var followUp = server.post("/api/v1/tickets", supervisor, Map.of("customerId", customerId,
                    "type", "CHANGE_REQUEST", "title", "Faster export", "description", "The export takes minutes.",
                    "priority", "P3", "relatedTicketIds", List.of(first.text("/id"))));

            var details = server.get("/api/v1/tickets/" + followUp.text("/id"), supervisor);

            assertThat(details.status()).isEqualTo(200);
            for (String list : List.of("progress", "confirmations", "exceptions", "collaborators", "watchers",
                    "requirementTrail")) {
                assertThat(details.body().get(list).isArray()).as(list).isTrue();
            }
            var trail = details.body().at("/requirementTrail");
            assertThat(trail.findValuesAsText("kind")).containsExactly("CHANGE_REQUEST", "REQUIREMENT_CHANGE");
            assertThat(trail.findValuesAsText("ticketNumber")).containsOnly(first.text("/number"));
            assertThat(trail.findValuesAsText("summary")).containsExactly("CSV export", "Excel files as well");
            assertThat(server.get("/api/v1/tickets/" + first.text("/id"), supervisor).body().at("/requirementTrail")
                    .findValuesAsText("summary")).containsExactly("Excel files as well");
        }
    }

    private static TestServer.Response openConsultation(TestServer server, String token) {
        String customerId = server.get("/api/v1/customers?q=Northwind", token).text("/items/0/id");
        var ticket = server.post("/api/v1/tickets", token, Map.of("customerId", customerId, "type", "CONSULTATION",
                "description", "Which discount applies above 500 units?", "priority", "P2"));
        assertThat(ticket.status()).isEqualTo(201);
        assertThat(ticket.text("/departmentId")).isEqualTo("customer-service");
        return ticket;
    }

    private static TestServer.Response close(TestServer server, String token, String path, long version) {
        String userId = FlowOverHttpTest.userId(server, token, "agent");
        var assigned = server.post(path + "/assign", token, Map.of("assigneeId", userId, "version", version));
        var worked = server.post(path + "/progress", token, Map.of("action", "Sent the price list",
                "visibility", "CUSTOMER", "version", assigned.version()));
        var resolved = server.post(path + "/resolve", token, Map.of("solution", "Tier B discount",
                "communicatedVia", "EMAIL", "version", worked.version()));
        var closed = server.post(path + "/confirmation", token, Map.of("opinion", "SATISFIED",
                "version", resolved.version()));
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
        return closed;
    }

    private static List<String> fields(TestServer.Response response) {
        return response.body().at("/errors").findValuesAsText("field");
    }

    private static Map<String, Object> with(Map<String, ?> body, String field, Object value) {
        var changed = new LinkedHashMap<String, Object>(body);
        changed.put(field, value);
        return changed;
    }
}
