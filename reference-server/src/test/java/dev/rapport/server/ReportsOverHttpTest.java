package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Reports": the KPIs and the monthly review as JSON and CSV, for whom may see them. */
class ReportsOverHttpTest {
    @StorageTest
    void theKpisCarryEveryDocumentedFieldAndABreakdown(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");

            var kpis = server.get("/api/v1/reports/kpis?from=2026-11-01&to=2026-11-30&groupBy=priority", admin);

            assertThat(kpis.status()).isEqualTo(200);
            assertThat(kpis.body().fieldNames()).toIterable().contains("firstResponse", "resolvedWithin72hRate",
                    "slaCompliance", "survey", "complaintRate", "reopenRate", "volumeByType", "repeatPurchaseRate",
                    "referralShare", "improvements", "groups");
            assertThat(kpis.body().at("/firstResponse").fieldNames()).toIterable()
                    .containsExactly("median", "p90", "withinTargetRate");
            assertThat(kpis.body().at("/slaCompliance").fieldNames()).toIterable()
                    .containsExactly("P1", "P2", "P3", "P4");
            assertThat(kpis.body().at("/survey").fieldNames()).toIterable().contains("responseSpeed", "resolution",
                    "attitude", "overall", "verySatisfiedRate", "nps");
            assertThat(kpis.body().at("/ticketsOpened").asLong()).as("the demo tickets").isPositive();
            assertThat(kpis.body().at("/groups/0/key").asText()).matches("P[1-4]");
            long grouped = 0;
            for (var group : kpis.body().at("/groups")) {
                grouped += group.get("ticketsOpened").asLong();
            }
            assertThat(grouped).isEqualTo(kpis.body().at("/ticketsOpened").asLong());
        }
    }

    @StorageTest
    void withoutDatesTheReportsCoverTheBusinessMonthNotTheUtcOne(TestDatabase db) {
        try (var server = new TestServer(db)) {
            // Still 30 November on the server's UTC clock, already 1 December in Asia/Shanghai, the business zone.
            server.clock.set(Instant.parse("2026-11-30T17:00:00Z"));
            String admin = server.login("admin");

            var kpis = server.get("/api/v1/reports/kpis", admin);
            var fromOnly = server.get("/api/v1/reports/kpis?from=2026-11-15", admin);
            var toOnly = server.get("/api/v1/reports/kpis?to=2026-12-01", admin);
            var review = server.get("/api/v1/reports/monthly", admin);

            assertThat(kpis.status()).isEqualTo(200);
            assertThat(kpis.text("/from")).isEqualTo("2026-12-01");
            assertThat(kpis.text("/to")).isEqualTo("2026-12-01");
            assertThat(fromOnly.text("/from")).isEqualTo("2026-11-15");
            assertThat(fromOnly.text("/to")).as("the business zone's today").isEqualTo("2026-12-01");
            assertThat(toOnly.text("/from")).isEqualTo("2026-12-01");
            assertThat(review.text("/month")).isEqualTo("2026-12");
        }
    }

    @StorageTest
    void aServerWhoseBusinessZoneIsBehindUtcKeepsTheOldMonthLonger(TestDatabase db) {
        try (var server = new TestServer(db, builder -> builder.zone(ZoneId.of("America/New_York")))) {
            // 1 December on a UTC clock, still the evening of 30 November in New York.
            server.clock.set(Instant.parse("2026-12-01T03:00:00Z"));
            String admin = server.login("admin");

            var kpis = server.get("/api/v1/reports/kpis", admin);
            var review = server.get("/api/v1/reports/monthly", admin);

            assertThat(kpis.text("/from")).isEqualTo("2026-11-01");
            assertThat(kpis.text("/to")).isEqualTo("2026-11-30");
            assertThat(review.text("/month")).isEqualTo("2026-11");
            assertThat(server.get("/api/v1/auth/session", admin).text("/zone")).isEqualTo("America/New_York");
        }
    }

    @StorageTest
    void theMonthlyReviewHasDeltasAndWeakPoints(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String supervisor = server.login("supervisor");

            var review = server.get("/api/v1/reports/monthly?month=2026-11", supervisor);

            assertThat(review.status()).isEqualTo(200);
            assertThat(review.text("/month")).isEqualTo("2026-11");
            assertThat(review.text("/departmentId")).as("a supervisor's own department").isEqualTo("customer-service");
            assertThat(review.body().at("/previousMonth/slaCompliance").isObject()).isTrue();
            assertThat(review.body().at("/deltas").has("ticketsOpened")).isTrue();
            assertThat(review.body().at("/weakPoints").isArray()).isTrue();
        }
    }

    @StorageTest
    void bothReportsExportAsCsv(TestDatabase db) throws Exception {
        try (var server = new TestServer(db); var client = HttpClient.newHttpClient()) {
            String admin = server.login("admin");

            var kpis = csv(client, server, "/api/v1/reports/kpis?from=2026-11-01&to=2026-11-30", admin);
            var monthly = csv(client, server, "/api/v1/reports/monthly?month=2026-11", admin);

            assertThat(kpis.statusCode()).isEqualTo(200);
            assertThat(kpis.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/csv"));
            assertThat(kpis.body().lines().toList()).first().isEqualTo("group,figure,value");
            assertThat(kpis.body()).contains("\r\nall,ticketsOpened,").contains("\r\nall,slaCompliance.P1,")
                    .contains("\r\nall,survey.nps,");
            assertThat(monthly.body().lines().toList()).first().isEqualTo("figure,current,previous,delta,weakPoint");
            assertThat(monthly.body()).contains("\r\nreopenRate,");
        }
    }

    @StorageTest
    void reportsAreForSupervisorsAndAdminsAndRefuseBadParameters(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            String supervisor = server.login("supervisor");
            String admin = server.login("admin");

            assertThat(server.get("/api/v1/reports/kpis", null).status()).isEqualTo(401);
            assertThat(server.get("/api/v1/reports/kpis", agent).status()).isEqualTo(403);
            assertThat(server.get("/api/v1/reports/monthly?departmentId=finance", supervisor).status()).isEqualTo(403);
            assertThat(server.get("/api/v1/reports/monthly?departmentId=finance", admin).status()).isEqualTo(200);
            var backwards = server.get("/api/v1/reports/kpis?from=2026-11-30&to=2026-11-01", admin);
            assertThat(backwards.status()).isEqualTo(422);
            assertThat(backwards.text("/errors/0/field")).isEqualTo("to");
            assertThat(server.get("/api/v1/reports/kpis?groupBy=colour", admin).text("/errors/0/field"))
                    .isEqualTo("groupBy");
            assertThat(server.get("/api/v1/reports/monthly?month=November", admin).text("/errors/0/field"))
                    .isEqualTo("month");
        }
    }

    private static HttpResponse<String> csv(HttpClient client, TestServer server, String path, String token)
            throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).header("Accept", "text/csv")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
