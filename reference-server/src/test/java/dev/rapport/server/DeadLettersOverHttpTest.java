package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersOverHttpTest {
    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    private final AtomicReference<Delivery> answer = new AtomicReference<>(new Delivery.Rejected("400 Bad Request"));
    private final AtomicInteger calls = new AtomicInteger();
    private final Notifier ops = new Notifier() {
        @Override
        public Delivery deliver(Notification notification) {
            calls.incrementAndGet();
            return answer.get();
        }

        @Override
        public void close() {
        }
    };

    @StorageTest
    void adminsListDeadLettersAndSendThemAgain(TestDatabase db) throws Exception {
        try (var server = new TestServer(db, builder -> builder.notifier("ops", ops))) {
            String admin = server.login("admin");
            String agent = server.login("agent");
            Eventually.until("dead letters of the demo data", () -> items(server.get(DEAD_LETTERS, admin)).size() >= 3);

            var firstPage = server.get(DEAD_LETTERS + "?subscriber=ops&limit=2", admin);
            var secondPage = server.get(DEAD_LETTERS + "?subscriber=ops&limit=2&cursor="
                    + firstPage.text("/nextCursor"), admin);
            var letter = firstPage.body().at("/items/0");
            answer.set(Delivery.delivered());
            int callsBefore = calls.get();
            var retried = server.post(DEAD_LETTERS + "/" + letter.get("id").asText() + "/retry", admin, null);
            var retriedTwice = server.post(DEAD_LETTERS + "/" + letter.get("id").asText() + "/retry", admin, null);
            var rest = server.post(DEAD_LETTERS + "/retry?subscriber=ops", admin, null);
            // Retried letters leave the list as soon as they are due again, before the notifier has been called.
            Eventually.until("every dead letter delivered", () -> items(server.get(DEAD_LETTERS, admin)).isEmpty()
                    && calls.get() > callsBefore);

            assertThat(firstPage.status()).isEqualTo(200);
            assertThat(items(firstPage)).hasSize(2);
            assertThat(secondPage.body().at("/items/0/id").asText()).isNotIn(
                    letter.get("id").asText(), firstPage.body().at("/items/1/id").asText());
            assertThat(letter.get("subscriber").asText()).isEqualTo("ops");
            assertThat(letter.get("eventType").asText()).isNotBlank();
            assertThat(letter.get("subjectId").asText()).isNotBlank();
            assertThat(letter.get("attempts").asInt()).isEqualTo(1);
            assertThat(letter.get("lastError").asText()).isEqualTo("rejected: 400 Bad Request");
            assertThat(letter.get("occurredAt").asText()).endsWith("Z");
            assertThat(letter.get("deadAt").asText()).endsWith("Z");
            assertThat(retried.status()).isEqualTo(204);
            assertThat(retriedTwice.status()).as("no longer dead").isEqualTo(404);
            assertThat(rest.status()).isEqualTo(200);
            assertThat(rest.body().get("retried").asInt()).isPositive();
            assertThat(calls.get()).as("sent again").isGreaterThan(callsBefore);
            assertThat(server.get(DEAD_LETTERS, agent).status()).isEqualTo(403);
            assertThat(server.post(DEAD_LETTERS + "/42/retry", agent, null).status()).isEqualTo(403);
            assertThat(server.post(DEAD_LETTERS + "/not-a-letter/retry", admin, null).status()).isEqualTo(404);
            assertThat(server.post(DEAD_LETTERS + "/retry", admin, null).status()).isEqualTo(422);
        }
    }

    @StorageTest
    void usersMayHaveAnEMailAddressAndALanguage(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String admin = server.login("admin");
            var english = server.post("/api/v1/users", admin, Map.of("employeeId", "li.lei", "name", "Li Lei",
                    "departmentId", "sales", "roles", List.of("AGENT"), "tier", "FRONT_LINE",
                    "password", "a long enough secret", "email", "li.lei@rapport.example", "locale", "en"));
            var plain = server.post("/api/v1/users", admin, Map.of("employeeId", "han.mei", "name", "Han Mei",
                    "departmentId", "sales", "roles", List.of("AGENT"), "tier", "FRONT_LINE",
                    "password", "a long enough secret"));
            var invalid = server.post("/api/v1/users", admin, Map.of("employeeId", "wu.bo", "name", "Wu Bo",
                    "departmentId", "sales", "roles", List.of("AGENT"), "tier", "FRONT_LINE",
                    "password", "a long enough secret", "email", "wu.bo(at)example", "locale", "fr-FR"));

            assertThat(english.status()).isEqualTo(201);
            assertThat(english.text("/email")).isEqualTo("li.lei@rapport.example");
            assertThat(english.text("/locale")).isEqualTo("en");
            assertThat(server.get("/api/v1/users/" + english.text("/id"), admin).text("/locale")).isEqualTo("en");
            assertThat(plain.status()).isEqualTo(201);
            assertThat(plain.body().get("email").isNull()).isTrue();
            assertThat(plain.text("/locale")).isEqualTo("zh-CN");
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(fields(invalid.body())).containsExactlyInAnyOrder("email", "locale");
        }
    }

    private static List<JsonNode> items(TestServer.Response response) {
        var items = new ArrayList<JsonNode>();
        response.body().at("/items").forEach(items::add);
        return items;
    }

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.at("/errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
