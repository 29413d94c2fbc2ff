package dev.rapport.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.server.http.RequestIds;
import dev.rapport.server.logging.LogFormat;
import dev.rapport.server.logging.ServerLogging;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md: every answer carries {@code X-Request-Id}, the client's when it is sane, and problem+json bodies quote it
 * as {@code requestId}; every log line written while the request is handled carries it too.
 */
class RequestIdsOverHttpTest {
    private static final String ID = "X-Request-Id";

    @StorageTest
    void aSaneIdFromTheClientIsEchoed(TestDatabase db) {
        try (var server = new TestServer(db)) {
            var answer = server.exchange(HttpRequest.newBuilder(server.uri("/health/live"))
                    .header(ID, "lb-7f3a:2026-11-23.01+trace/42=").build());

            assertThat(answer.raw().headers().firstValue(ID)).contains("lb-7f3a:2026-11-23.01+trace/42=");
        }
    }

    @StorageTest
    void withoutOneEachRequestGetsANewId(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String first = server.get("/health/live", null).raw().headers().firstValue(ID).orElseThrow();
            String second = server.get("/health/live", null).raw().headers().firstValue(ID).orElseThrow();

            assertThat(first).matches("[0-9a-f]{32}");
            assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
        }
    }

    @StorageTest
    void aHostileIdIsReplacedNeverEchoed(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String huge = "a".repeat(10 * 1024);
            assertThat(replacedId(server, huge)).isNotEqualTo(huge).matches("[0-9a-f]{32}");
            assertThat(replacedId(server, "a".repeat(RequestIds.MAX_LENGTH + 1))).matches("[0-9a-f]{32}");
            assertThat(replacedId(server, "abc\u00e9\u661f")).matches("[0-9a-f]{32}");
            assertThat(replacedId(server, "abc def")).matches("[0-9a-f]{32}");
            assertThat(replacedId(server, "\"},{\"level\":\"ERROR")).matches("[0-9a-f]{32}");
            // A CR or LF cannot even reach the server inside a header line: it ends the line there.
            try (var raw = new RawConnection(server.server.port())) {
                var reply = raw.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n" + ID + ": abc\rforged\r\n"
                        + "Connection: close\r\n\r\n").read();
                assertThat(reply.status()).isLessThan(500);
                assertThat(reply.headers().get("x-request-id")).doesNotContain("forged").matches("[0-9a-f]{32}");
            }
        }
    }

    /** The id the server answers a request whose {@code X-Request-Id} is {@code given} (raw bytes, as UTF-8) with. */
    private static String replacedId(TestServer server, String given) {
        try (var raw = new RawConnection(server.server.port())) {
            var reply = raw.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n" + ID + ": " + given
                    + "\r\nConnection: close\r\n\r\n").read();
            assertThat(reply.status()).isEqualTo(200);
            return reply.headers().get("x-request-id");
        }
    }

    @StorageTest
    void problemBodiesQuoteTheRequestsId(TestDatabase db) {
        try (var server = new TestServer(db)) {
            var refused = server.exchange(HttpRequest.newBuilder(server.uri("/api/v1/tickets"))
                    .header(ID, "client-chosen-1").build());
            var unknown = server.get("/api/v1/nowhere", null);

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("/requestId")).isEqualTo("client-chosen-1");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.text("/requestId")).isEqualTo(unknown.raw().headers().firstValue(ID).orElseThrow());
        }
    }

    @StorageTest
    void theLogLinesOfAFailingRequestCarryItsIdInBothFormats(TestDatabase db) throws IOException {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var plain = capture(context, LogFormat.PLAIN);
        var json = capture(context, LogFormat.JSON);
        // As the server's main does: java.util.logging, hence System.Logger, handed to SLF4J on the logging thread.
        var bridge = new SLF4JBridgeHandler();
        Logger.getLogger("").addHandler(bridge);
        try (var server = new TestServer(db)) {
            // Without its database the SDK fails unexpectedly: an incident, logged while the request is handled.
            server.rapport.close();
            var failed = server.exchange(HttpRequest.newBuilder(server.uri("/api/v1/auth/login"))
                    .header(ID, "failing-request-17").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"employeeId\":\"agent\",\"password\":\"x\"}"))
                    .build());

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.text("/requestId")).isEqualTo("failing-request-17");
        } finally {
            Logger.getLogger("").removeHandler(bridge);
            stop(context, plain.appender());
            stop(context, json.appender());
        }
        assertThat(plain.text().lines().filter(line -> line.contains("incident")))
                .isNotEmpty().allMatch(line -> line.contains("[failing-request-17]"));
        var mapper = new ObjectMapper();
        var incidents = json.text().lines().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).filter(line -> line.path("formattedMessage").asText().contains("incident")).toList();
        assertThat(incidents).isNotEmpty()
                .allMatch(line -> line.at("/mdc/requestId").asText().equals("failing-request-17"));
    }

    private record Capture(OutputStreamAppender<ILoggingEvent> appender, ByteArrayOutputStream out) {
        String text() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Lines of the root logger as the server writes them in {@code format}. */
    private static Capture capture(LoggerContext context, LogFormat format) {
        var out = new ByteArrayOutputStream();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setEncoder(ServerLogging.encoder(context, format));
        appender.setOutputStream(out);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new Capture(appender, out);
    }

    private static void stop(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

}
