package dev.rapport.server;

import dev.rapport.server.demo.DemoData;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the web console asks of the server besides API.md: its assets, its texts, the session, the user's language. */
class ConsoleSupportOverHttpTest {
    @StorageTest
    void theSessionSaysWhoIsLoggedInWhatTheyMayDoAndTheServersTime(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            String agent = server.login("agent");
            var before = server.get("/api/v1/auth/session", agent);
            server.post("/api/v1/demo/clock/advance", server.login("admin"), Map.of("duration", "PT2H"));
            var after = server.get("/api/v1/auth/session", agent);
            var anonymous = server.get("/api/v1/auth/session", null);

            assertThat(before.status()).isEqualTo(200);
            assertThat(before.text("/user/employeeId")).isEqualTo("agent");
            assertThat(before.text("/user/locale")).isEqualTo("zh-CN");
            assertThat(before.body().at("/user/permissions").toString()).contains("ticket.work")
                    .doesNotContain("ticket.assign");
            assertThat(before.text("/now")).isEqualTo("2026-11-23T01:00:00Z");
            assertThat(after.text("/now")).as("the demo clock").isEqualTo("2026-11-23T03:00:00Z");
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    @StorageTest
    void aUserChoosesTheirLanguageAndALanguageTheConsoleDoesNotSpeakIsRefused(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            String agent = server.login("agent");
            var english = server.put("/api/v1/users/me/locale", agent, Map.of("locale", "en"));
            var french = server.put("/api/v1/users/me/locale", agent, Map.of("locale", "fr"));
            var missing = server.put("/api/v1/users/me/locale", agent, Map.of());
            var login = server.post("/api/v1/auth/login", null, Map.of("employeeId", "agent",
                    "password", DemoData.PASSWORD));

            assertThat(english.status()).isEqualTo(200);
            assertThat(french.status()).isEqualTo(422);
            assertThat(french.text("/errors/0/field")).isEqualTo("locale");
            assertThat(missing.status()).isEqualTo(422);
            assertThat(login.text("/user/locale")).isEqualTo("en");
        }
    }

    @StorageTest
    void theIndustriesACustomerMayBeInAreListed(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            var industries = server.get("/api/v1/catalog/industries", server.login("agent"));
            var anonymous = server.get("/api/v1/catalog/industries", null);

            assertThat(industries.status()).isEqualTo(200);
            assertThat(industries.body().get("items").toString()).contains("\"Technology\"", "\"Manufacturing\"");
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    @StorageTest
    void theConsoleItsTextsAndItsWebJarsAreServed(TestDatabase db) {
        try (var server = TestServer.demo(db)) {
            var index = page(server, "/");
            var english = page(server, "/i18n/en");
            var chinese = page(server, "/i18n/zh-CN");
            var french = page(server, "/i18n/fr");
            var chart = page(server, "/webjars/chart.js/dist/chart.umd.min.js");
            var unknownAsset = page(server, "/js/no-such-module.js");

            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("<script type=\"module\" src=\"/js/app.js\">");
            assertThat(english.body()).contains("\"login.title\":\"Log in to Rapport\"");
            assertThat(chinese.body()).contains("\"login.title\":\"登录 Rapport\"");
            assertThat(french.statusCode()).isEqualTo(404);
            assertThat(chart.statusCode()).isEqualTo(200);
            assertThat(chart.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("javascript"));
            assertThat(unknownAsset.statusCode()).isEqualTo(404);
        }
    }

    private static java.net.http.HttpResponse<String> page(TestServer server, String path) {
        return server.exchangeText(HttpRequest.newBuilder(server.uri(path)).GET().build());
    }
}
