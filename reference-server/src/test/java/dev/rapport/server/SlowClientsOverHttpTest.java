package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that opens a connection and stalls (within its request line, its headers or its body, or between requests)
 * loses it after the configured idle timeout, so slow clients cannot exhaust the server's file descriptors.
 */
class SlowClientsOverHttpTest {
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    /** Helidon's idle check ticks in whole seconds and runs four times per timeout. */
    private static final Duration LATENESS = Duration.ofMillis(2_000);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withIdleTimeout(TestDatabase.H2, IDLE_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aHalfSentRequestLineIsClosed() {
        assertClosedInTime("GET /api/v1/depart");
    }

    @Test
    void halfSentHeadersAreClosed() {
        assertClosedInTime("GET /api/v1/departments HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    }

    @Test
    void aHalfSentBodyIsClosed() {
        assertClosedInTime("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"employeeId\": \"ag");
    }

    @Test
    void aConnectionIdleAfterItsRequestIsClosed() {
        try (var connection = new RawConnection(server.server.port())) {
            connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(connection.read().status()).isEqualTo(200);
            long start = System.nanoTime();
            Eventually.within(IDLE_TIMEOUT.plus(LATENESS)).waitUntil("the server closing an idle connection",
                    connection::closedByServer);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusSeconds(1));
        }
    }

    @Test
    void aSteadyClientKeepsItsConnection() {
        try (var connection = new RawConnection(server.server.port())) {
            for (int i = 0; i < 3; i++) {
                connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(connection.read().status()).isEqualTo(200);
            }
            assertThat(connection.closedByServer()).isFalse();
        }
    }

    private static void assertClosedInTime(String partialRequest) {
        try (var connection = new RawConnection(server.server.port())) {
            long start = System.nanoTime();
            connection.send(partialRequest);
            Eventually.within(IDLE_TIMEOUT.plus(LATENESS)).waitUntil("the server closing a stalled connection",
                    connection::closedByServer);
            // It waited for the timeout, not less: a slow client is given the configured time.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusSeconds(1));
        }
    }
}
