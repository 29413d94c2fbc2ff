package dev.rapport.server.crash;

import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md, "Shutdown": SIGTERM stops the packaged server in order. A request in flight when the signal
 * comes (its body half sent) is answered; the node takes no new connection meanwhile; the event deliveries under way
 * to a receiver that does not answer are handed back to the database (no lease left); the process exits 0 within its
 * shutdown timeout; and the next start delivers every event that was pending.
 */
class GracefulShutdownIT {
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    private static final Eventually DELIVERY = Eventually.within(Duration.ofSeconds(90));

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void sigtermFinishesTheRequestInFlightAndLosesNoPendingEvent(TestDatabase kind) throws Exception {
        Path data = Files.createDirectories(directory.resolve("data"));
        Optional<DatabaseCoordinates> database = kind == TestDatabase.H2 ? Optional.empty()
                : Optional.of(kind.fresh());
        var coordinates = database.orElseGet(() -> new DatabaseCoordinates(
                "jdbc:h2:file:" + data.toAbsolutePath().resolve("rapport"), "", ""));
        try (var receiver = new WebhookReceiver()) {
            Path config = configFile(receiver.uri());
            // Every delivery waits for an answer that does not come: the events stay pending, one of them under way.
            receiver.hold();
            var first = ServerProcess.start(data, database, config, directory.resolve("server-1.log"),
                    List.of("--shutdown-timeout", SHUTDOWN_TIMEOUT.toSeconds() + "s"));
            Eventually.until("a delivery under way", () -> !receiver.held().isEmpty());
            String token = ServerApi.login(first.uri(), "agent").token();
            String inFlightCustomer;

            try (var slow = new Socket(first.uri().getHost(), first.uri().getPort())) {
                slow.setSoTimeout(60_000);
                byte[] body = ("{\"kind\":\"PERSON\",\"name\":\"In Flight\",\"industry\":\"Retail\",\"contacts\":"
                        + "[{\"name\":\"In Flight\",\"email\":\"in.flight@shutdown.example\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                int half = body.length / 2;
                send(slow, ("POST /api/v1/customers?allowDuplicate=true HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                // The server asks for the body once the route reads it: from here on the request is in flight.
                assertThat(readResponse(slow.getInputStream()).status()).isEqualTo(100);
                send(slow, java.util.Arrays.copyOf(body, half));

                long signalled = System.nanoTime();
                first.terminate();
                Eventually.until("the shutdown begun", () -> first.output().contains("Stopping: no new requests"));
                assertThat(answersAtAll(first.uri())).as("a new connection while shutting down").isFalse();

                send(slow, java.util.Arrays.copyOfRange(body, half, body.length));
                var answer = readResponse(slow.getInputStream());
                assertThat(answer.status()).as("the request in flight, answered %s", answer.body()).isEqualTo(201);
                inFlightCustomer = ServerApi.json(answer.body()).get("id").asText();

                assertThat(first.awaitExitCode()).as("exit status; log:\n%s", first.output()).isZero();
                assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(SHUTDOWN_TIMEOUT);
            }
            assertThat(leasedDeliveries(coordinates)).as("deliveries still claimed by the stopped node").isZero();
            assertThat(undelivered(coordinates)).as("events pending when it stopped").isNotEmpty();

            var outbox = outboxPositions(coordinates);
            receiver.answer();
            var second = ServerProcess.start(data, database, config, directory.resolve("server-2.log"));
            DELIVERY.waitUntil("every pending event delivered after the restart", () -> receiver.answered().stream()
                    .map(WebhookReceiver.Notification::position).collect(Collectors.toSet()).containsAll(outbox));
            assertThat(receiver.answered()).as("the in-flight request's customer announced")
                    .anyMatch(n -> n.type().equals("CustomerCreated") && n.subjectId().equals(inFlightCustomer));
            second.terminate();
            assertThat(second.awaitExitCode()).as("exit status; log:\n%s", second.output()).isZero();
            // Read once the server is gone: the embedded H2 file is its alone while it runs.
            assertThat(undelivered(coordinates)).as("deliveries left").isEmpty();
        }
    }

    /** The server's settings: the test's webhook as a notifier, with a short time box. */
    private Path configFile(URI webhook) throws IOException {
        return Files.writeString(directory.resolve("rapport.properties"), String.join("\n",
                "rapport.notifiers.shutdown-test.type=webhook",
                "rapport.notifiers.shutdown-test.url=" + webhook,
                "rapport.notifiers.shutdown-test.secret=shutdown-test-secret-0123456789abcdef0123456789",
                "rapport.notifiers.shutdown-test.timeout=2s",
                "rapport.notifiers.shutdown-test.backoff-base=200ms",
                "rapport.notifiers.shutdown-test.backoff-cap=1s",
                "rapport.events.poll-interval=200ms",
                ""));
    }

    private static void send(Socket socket, byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Whether a new request gets any answer but a refusal (the listener closed, or readiness DOWN). */
    private static boolean answersAtAll(URI server) {
        try {
            int status = ServerApi.anonymous(server).get("/health/ready").status();
            return status != 503;
        } catch (IOException refused) {
            return false;
        }
    }

    private record Response(int status, String body) {
    }

    /** One HTTP/1.1 response: status line, headers, and a {@code Content-Length} body (none for a 100). */
    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int contentLength = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(lower.substring("content-length:".length()).strip());
            }
        }
        String body = new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), body);
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-response: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static int leasedDeliveries(DatabaseCoordinates db) throws SQLException {
        return query(db, "SELECT id FROM deliveries WHERE lease_token IS NOT NULL").size();
    }

    private static List<Long> undelivered(DatabaseCoordinates db) {
        try {
            return query(db, "SELECT id FROM deliveries WHERE state <> 'DELIVERED'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Long> outboxPositions(DatabaseCoordinates db) throws SQLException {
        return new HashSet<>(query(db, "SELECT position FROM outbox"));
    }

    private static List<Long> query(DatabaseCoordinates db, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<Long>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        }
    }
}
