package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

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

    @StorageTest
    void contactDetailsNeverReachTheLogs(TestDatabase db) {
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
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
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

    private static String throwableText(Throwable thrown) {
        var text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append(' ');
        }
        return text.toString();
    }
}
