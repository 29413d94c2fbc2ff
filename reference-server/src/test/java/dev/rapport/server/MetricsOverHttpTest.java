package dev.rapport.server;

import dev.rapport.core.Rapport;
import dev.rapport.server.metrics.MetricsSettings;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's {@code GET /metrics}: Prometheus text whose figures follow what happens, and whose labels name nobody. */
class MetricsOverHttpTest {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the exposition: a meter's name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    @StorageTest
    void aServiceFlowMovesTheFiguresAndNoLabelNamesAnIdAPathOrAPerson(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            var before = scrape(server);
            String supervisor = server.login("supervisor");
            String admin = server.login("admin");
            assertThat(server.post("/api/v1/auth/login", null, Map.of("employeeId", "agent",
                    "password", "not-the-password")).status()).isEqualTo(401);

            var customer = server.post("/api/v1/customers?allowDuplicate=true", supervisor, Map.of(
                    "kind", "ORGANIZATION", "name", "Metrics Probe Co", "industry", "Retail",
                    "contacts", List.of(Map.of("name", "Han Meimei", "phone", "13900002222"))));
            assertThat(customer.status()).isEqualTo(201);
            var ticket = server.post("/api/v1/tickets", supervisor, Map.of("customerId", customer.text("/id"),
                    "type", "COMPLAINT", "description", "The line stopped after the update.", "priority", "P1"));
            assertThat(ticket.status()).isEqualTo(201);
            String path = "/api/v1/tickets/" + ticket.text("/id");
            assertThat(server.get(path, supervisor).status()).isEqualTo(200);
            assertThat(server.get(path, supervisor).status()).isEqualTo(200);
            closeAnotherP1(server, supervisor, customer.text("/id"));
            // 25 minutes: the P1's first response is at risk (a warning); 10 more: it is overdue (a breach).
            server.post("/api/v1/demo/clock/advance", admin, Map.of("duration", "PT25M"));
            server.post("/api/v1/demo/clock/advance", admin, Map.of("duration", "PT10M"));
            assertThat(ChannelsOverHttpTest.postForm(server, Map.of("email", "metrics.probe@example.org",
                    "subject", "Invoice", "message", "Where is my invoice?")).status()).isEqualTo(202);

            var after = scrape(server);
            assertThat(moved(before, after, "rapport_tickets_opened_total", Map.of("priority", "P1"))).isEqualTo(2);
            assertThat(moved(before, after, "rapport_tickets_closed_total", Map.of("priority", "P1"))).isEqualTo(1);
            assertThat(moved(before, after, "rapport_sla_warnings_total", Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(moved(before, after, "rapport_sla_breaches_total", Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(moved(before, after, "rapport_channel_messages_filed_total", Map.of())).isEqualTo(1);
            assertThat(moved(before, after, "rapport_logins_refused_total", Map.of("reason", "bad-credentials")))
                    .isEqualTo(1);
            assertThat(moved(before, after, "rapport_http_requests_seconds_count",
                    Map.of("route", "/api/v1/tickets/{id}", "method", "GET", "status", "2xx"))).isEqualTo(2);
            assertThat(moved(before, after, "rapport_http_requests_seconds_count",
                    Map.of("route", "/api/v1/auth/login", "method", "POST", "status", "4xx"))).isEqualTo(1);
            assertThat(after).anyMatch(s -> s.name().equals("rapport_http_requests_seconds_bucket")
                    && s.labels().getOrDefault("route", "").equals("/api/v1/tickets") && s.labels().containsKey("le"));
            assertThat(value(after, "rapport_db_pool_max", Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(after).anyMatch(s -> s.name().startsWith("memory_") || s.name().startsWith("jvm_"));
            // The closing asks for a survey, which the survey-link provider takes from the outbox.
            Eventually.untilAsserted("the deliveries are counted", () -> assertThat(moved(before, scrape(server),
                    "rapport_deliveries_total", Map.of("outcome", "delivered"))).isGreaterThanOrEqualTo(1));
            // Gauges are read at most every few seconds: the one read with the first scrape may still be served.
            Eventually.untilAsserted("the overdue ticket counted", () -> {
                var now = scrape(server);
                assertThat(value(now, "rapport_tickets_overdue", Map.of())).isGreaterThanOrEqualTo(1);
                assertThat(value(now, "rapport_outbox_backlog", Map.of())).isNotNaN();
                assertThat(value(now, "rapport_dead_letters", Map.of())).isNotNaN();
            });

            var routes = RapportServer.routes(server.rapport, true).routes().stream()
                    .map(RouteCatalog.Route::path).collect(Collectors.toSet());
            var secrets = List.of(ticket.text("/id"), ticket.text("/number"), customer.text("/id"),
                    "Metrics Probe Co", "Han Meimei", "13900002222", "metrics.probe@example.org", "supervisor");
            for (var sample : scrape(server)) {
                for (var label : sample.labels().entrySet()) {
                    assertThat(label.getValue()).as("%s %s", sample.name(), label.getKey())
                            .doesNotMatch("\\d{4,}").satisfies(v -> assertThat(secrets).noneMatch(v::contains));
                }
                Optional.ofNullable(sample.labels().get("route")).ifPresent(route ->
                        assertThat(route).isIn(union(routes, Set.of("other"))));
            }
        }
    }

    @Test
    void aTokenIsRequiredWhenSetAndAManagementPortTakesTheMetricsOffTheApiPort() throws Exception {
        try (var rapport = Rapport.builder().slaScanInterval(Duration.ZERO).followUpScanInterval(Duration.ZERO).build()) {
            String token = "scrape-token-0123456789";
            var guarded = RapportServer.start(rapport, 0, 64 * 1024, Optional.empty(), Duration.ofSeconds(30),
                    new MetricsSettings(Optional.empty(), Optional.of(token)));
            try {
                assertThat(get(guarded.port(), "/metrics", null).statusCode()).isEqualTo(401);
                var wrong = get(guarded.port(), "/metrics", "scrape-token-0123456780");
                assertThat(wrong.statusCode()).isEqualTo(401);
                assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                var right = get(guarded.port(), "/metrics", token);
                assertThat(right.statusCode()).isEqualTo(200);
                assertThat(right.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/plain"));
                assertThat(parse(right.body())).anyMatch(s -> s.name().equals("rapport_outbox_backlog"));
            } finally {
                guarded.stop();
            }

            var moved = RapportServer.start(rapport, 0, 64 * 1024, Optional.empty(), Duration.ofSeconds(30),
                    new MetricsSettings(Optional.of(0), Optional.empty()));
            try {
                int management = moved.port(RapportServer.MANAGEMENT);
                assertThat(management).isNotEqualTo(moved.port());
                assertThat(get(moved.port(), "/metrics", null).statusCode()).isEqualTo(404);
                assertThat(get(moved.port(), "/health", null).statusCode()).isEqualTo(200);
                assertThat(get(management, "/health", null).statusCode()).isEqualTo(404);
                var scraped = get(management, "/metrics", null);
                assertThat(scraped.statusCode()).isEqualTo(200);
                // The API's requests are timed, though the scrape happens on the other port.
                assertThat(parse(scraped.body())).anyMatch(s -> s.name().equals("rapport_http_requests_seconds_count")
                        && "/health".equals(s.labels().get("route")));
            } finally {
                moved.stop();
            }
        }
    }

    /** A P1 ticket taken from intake to closure, as FlowOverHttpTest does. */
    private static void closeAnotherP1(TestServer server, String supervisor, String customerId) {
        var ticket = server.post("/api/v1/tickets", supervisor, Map.of("customerId", customerId,
                "type", "CONSULTATION", "description", "Asks how to roll the update back.", "priority", "P1"));
        String path = "/api/v1/tickets/" + ticket.text("/id");
        var assigned = server.post(path + "/assign", supervisor, Map.of("assigneeId",
                FlowOverHttpTest.userId(server, supervisor, "supervisor"), "version", ticket.version()));
        assertThat(assigned.status()).isEqualTo(200);
        var progress = server.post(path + "/progress", supervisor, Map.of("action", "Called the customer",
                "visibility", "CUSTOMER", "version", assigned.version()));
        assertThat(progress.status()).isEqualTo(200);
        var resolved = server.post(path + "/resolve", supervisor, Map.of("solution", "Rolled the update back",
                "communicatedVia", "PHONE", "version", progress.version()));
        assertThat(resolved.status()).isEqualTo(200);
        var closed = server.post(path + "/confirmation", supervisor, Map.of("opinion", "SATISFIED",
                "method", "PHONE", "comment", "Works again", "version", resolved.version()));
        assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Sample> scrape(TestServer server) {
        var response = server.exchangeText(HttpRequest.newBuilder(server.uri("/metrics")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    static List<Sample> parse(String text) {
        var samples = new ArrayList<Sample>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a Prometheus sample line: %s", line).isTrue();
            var labels = new java.util.LinkedHashMap<String, String>();
            if (sample.group(2) != null) {
                var label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    /** The value of the sample named {@code name} whose labels include {@code labels}; 0 when there is none. */
    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        Predicate<Sample> wanted = s -> s.name().equals(name)
                && labels.entrySet().stream().allMatch(e -> e.getValue().equals(s.labels().get(e.getKey())));
        return samples.stream().filter(wanted).mapToDouble(Sample::value).sum();
    }

    private static double moved(List<Sample> before, List<Sample> after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    private static HttpResponse<String> get(int port, String path, String token) throws IOException,
            InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
