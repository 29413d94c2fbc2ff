package dev.rapport.server;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §2: contact phones and e-mails are internal data; whatever happens, they never reach a log at the level the
 * server logs in production (INFO and above).
 */
class PersonalDataNotLoggedTest {
    private static final String PHONE = "13966667777";
    private static final String EMAIL = "secret.person@hidden.example";

    /** A notifier that says everything it got, for the dead letters and their log lines to repeat. */
    private static final Notifier CHATTY = new Notifier() {
        @Override
        public Delivery deliver(Notification notification) {
            return new Delivery.Rejected("refused " + notification);
        }

        @Override
        public void close() {
        }
    };

    @StorageTest
    void contactDetailsNeverReachTheLogs(TestDatabase db) throws InterruptedException {
        var records = new ArrayList<LogRecord>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.INFO);
        try (var server = new TestServer(db, builder -> builder.notifier("chatty", CHATTY))) {
            String agent = server.login("agent");
            String admin = server.login("admin");
            var created = server.post("/api/v1/customers?allowDuplicate=true", agent, Map.of("kind", "PERSON",
                    "name", "Hidden Person", "industry", "Retail",
                    "contacts", List.of(Map.of("name", "Hidden Person", "phone", PHONE, "email", EMAIL))));
            assertThat(created.status()).isEqualTo(201);
            String path = "/api/v1/customers/" + created.text("/id");
            String contact = created.text("/contacts/0/id");
            server.get("/api/v1/customers?q=" + PHONE, agent);
            server.patch(path, agent, Map.of("version", created.version(), "contacts", List.of(
                    Map.of("id", contact, "name", "Hidden", "phone", PHONE, "email", EMAIL),
                    Map.of("id", contact, "name", "Twice", "phone", PHONE, "email", EMAIL))));
            server.patch(path, agent, Map.of("version", created.version() + 5, "name", "Stale"));
            server.post("/api/v1/customers", agent, Map.of("kind", "PERSON", "name", "Bad", "industry", "Retail",
                    "contacts", List.of(Map.of("name", "Bad", "phone", "12" + PHONE, "email", EMAIL))));
            awaitDeadLetter(server, admin, created.text("/id"));
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        synchronized (records) {
            assertThat(records).as("the test must see the server's logging at all").isNotEmpty();
            for (var record : records) {
                String text = record.getMessage() + " " + List.of(record.getParameters() == null ? new Object[0]
                        : record.getParameters()) + " " + throwableText(record.getThrown());
                assertThat(text).doesNotContain(PHONE).doesNotContain(EMAIL);
            }
        }
    }

    /** Waits until the customer's events were dead-lettered, and so logged. */
    private static void awaitDeadLetter(TestServer server, String admin, String subjectId) {
        Eventually.until("the customer's events dead-lettered", () -> {
            for (var letter : server.get("/api/v1/admin/dead-letters?subscriber=chatty&limit=200", admin).body()
                    .at("/items")) {
                if (letter.get("subjectId").asText().equals(subjectId)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static String throwableText(Throwable thrown) {
        var text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append(' ');
        }
        return text.toString();
    }
}
