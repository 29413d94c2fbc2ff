package dev.rapport.server;

import dev.rapport.api.event.TicketResolved;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.Recipient;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 in demo mode: the front line keeps its customers. The agent who files a complaint follows it after it routes
 * to After-Sales, a colleague answers the customer's status call without working the ticket, and After-Sales works a
 * demo complaint to closure while the agent who filed it hears of its resolution.
 */
class FrontLineOverHttpTest {
    private final List<Notification> notified = new CopyOnWriteArrayList<>();
    private final Notifier listening = new Notifier() {
        @Override
        public Delivery deliver(Notification notification) {
            notified.add(notification);
            return Delivery.delivered();
        }

        @Override
        public void close() {
        }
    };

    @StorageTest
    void theAgentWhoFiledAComplaintReadsItAfterItRoutesAwayAndAColleagueReadsItsStatusButCannotWorkIt(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            String agent = server.login("agent");
            String colleague = server.login("agent2");
            var filed = server.post("/api/v1/tickets", agent, Map.of("customerId", customerId(server, agent, "李娜"),
                    "type", "COMPLAINT", "urgent", true, "important", false, "channel", "PHONE",
                    "description", "The replacement printer was delivered without its power cable."));
            assertThat(filed.status()).isEqualTo(201);
            assertThat(filed.text("/departmentId")).isEqualTo("after-sales");
            assertThat(filed.text("/intakeOwner/userId")).isEqualTo(FlowOverHttpTest.userId(server, agent, "agent"));
            String path = "/api/v1/tickets/" + filed.text("/id");

            var byFiler = server.get(path, agent);
            var byColleague = server.get(path, colleague);

            assertThat(byFiler.status()).isEqualTo(200);
            assertThat(byFiler.text("/view")).isEqualTo("CUSTOMER_VISIBLE");
            assertThat(byColleague.status()).isEqualTo(200);
            assertThat(byColleague.text("/status")).isEqualTo("NEW");
            assertThat(byColleague.text("/sla/resolutionDue")).isEqualTo(filed.text("/sla/resolutionDue"));
            var progress = server.post(path + "/progress", colleague, Map.of("action", "The customer called again",
                    "visibility", "INTERNAL", "version", filed.version()));
            var resolve = server.post(path + "/resolve", colleague, Map.of("solution", "Sent a cable",
                    "communicatedVia", "PHONE", "version", filed.version()));
            assertThat(progress.status()).isEqualTo(403);
            assertThat(resolve.status()).isEqualTo(403);
            assertThat(server.get(path, server.login("sales")).status())
                    .as("Sales serves no such customer").isEqualTo(404);
            assertThat(server.get("/api/v1/tickets?servedBy=agent", colleague).status()).isEqualTo(422);
        }
    }

    @StorageTest
    void afterSalesWorksTheDemoComplaintToClosureAndTheAgentWhoFiledItIsToldOfItsResolution(TestDatabase db) {
        try (var server = TestServer.demo(db, builder -> builder.notifier("listening", listening))) {
            String agent = server.login("agent");
            String afterSales = server.login("aftersales");
            String agentId = FlowOverHttpTest.userId(server, agent, "agent");
            String afterSalesId = FlowOverHttpTest.userId(server, afterSales, "aftersales");
            var complaint = StreamSupport.stream(server.get("/api/v1/tickets?departmentId=after-sales&status=NEW",
                            afterSales).body().at("/items").spliterator(), false)
                    .filter(t -> t.at("/intakeOwner/userId").asText().equals(agentId)).findFirst().orElseThrow();
            String path = "/api/v1/tickets/" + complaint.get("id").asText();
            assertThat(numbers(server.get("/api/v1/tickets?servedBy=me&status=NEW,ASSIGNED,IN_PROGRESS,REOPENED",
                    server.login("agent2")))).as("the colleague's customers' open tickets")
                    .contains(complaint.get("number").asText());

            var assigned = server.post(path + "/assign", afterSales, Map.of("assigneeId", afterSalesId,
                    "version", complaint.get("version").asLong()));
            var progressed = server.post(path + "/progress", afterSales, Map.of("action",
                    "Collected the six bookshelf units; replacements leave the warehouse tomorrow.",
                    "visibility", "CUSTOMER", "version", assigned.version()));
            var resolved = server.post(path + "/resolve", afterSales, Map.of("solution",
                    "Replaced the six damaged bookshelf units.", "communicatedVia", "PHONE", "version",
                    progressed.version()));
            var closed = server.post(path + "/confirmation", afterSales, Map.of("opinion", "SATISFIED",
                    "method", "PHONE", "version", resolved.version()));

            assertThat(List.of(assigned.status(), progressed.status(), resolved.status(), closed.status()))
                    .containsOnly(200);
            assertThat(closed.text("/status")).isEqualTo("CLOSED");
            Eventually.until("the agent who filed it is told of its resolution", () -> notified.stream()
                    .anyMatch(n -> n.event() instanceof TicketResolved resolution
                            && resolution.ticketId().value().equals(complaint.get("id").asText())
                            && n.recipients().stream().map(Recipient::id).anyMatch(id -> id.value().equals(agentId))));
            var seenByAgent = server.get(path, agent);
            assertThat(seenByAgent.text("/status")).isEqualTo("CLOSED");
            assertThat(seenByAgent.body().at("/progress").findValuesAsText("action"))
                    .containsExactly("Collected the six bookshelf units; replacements leave the warehouse tomorrow.");
        }
    }

    private static String customerId(TestServer server, String token, String name) {
        return StreamSupport.stream(server.get("/api/v1/customers?q=" + java.net.URLEncoder.encode(name,
                        java.nio.charset.StandardCharsets.UTF_8), token).body().at("/items").spliterator(), false)
                .filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow().get("id").asText();
    }

    private static List<String> numbers(TestServer.Response list) {
        return list.body().at("/items").findValuesAsText("number");
    }

}
