package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.server.demo.DemoData;
import dev.rapport.server.health.Readiness;
import dev.rapport.server.metrics.MetricsSettings;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import io.helidon.webserver.WebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The real server on a free port, over a fresh database with the demo data, and a client speaking real HTTP. */
final class TestServer implements AutoCloseable {
    static final long MAX_JSON_BYTES = 64 * 1024;
    /** Where survey links point: the tests take the token from the link and ask this server. */
    static final String SURVEY_BASE_URL = "https://service.rapport.test";

    final MutableClock clock = MutableClock.at("2026-11-23T01:00:00Z");
    final Rapport rapport;
    /** The server's database, for tests that look at it directly (row counts before and after). */
    final DatabaseCoordinates database;
    final WebServer server;
    /** What {@code GET /health/ready} reads; a test begins a shutdown through it. */
    final Readiness readiness = new Readiness();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    TestServer(TestDatabase db) {
        this(db, UnaryOperator.identity());
    }

    /** The same, with the SDK's builder adjusted first, e.g. for attachment limits or the blob directory. */
    TestServer(TestDatabase db, UnaryOperator<RapportBuilder> adjust) {
        this(db.fresh(), adjust, false, ServerOptions.DEFAULT_IDLE_TIMEOUT);
    }

    /** Another node on the database of {@code first}, as behind a load balancer. */
    static TestServer nextTo(TestServer first, UnaryOperator<RapportBuilder> adjust) {
        return new TestServer(first.database, adjust, false, ServerOptions.DEFAULT_IDLE_TIMEOUT);
    }

    /** A server in demo mode, whose clock {@code POST /api/v1/demo/clock/advance} moves. */
    static TestServer demo(TestDatabase db) {
        return demo(db, UnaryOperator.identity());
    }

    /** The same, with the SDK's builder adjusted first, e.g. with a notifier the test listens to. */
    static TestServer demo(TestDatabase db, UnaryOperator<RapportBuilder> adjust) {
        return new TestServer(db.fresh(), adjust, true, ServerOptions.DEFAULT_IDLE_TIMEOUT);
    }

    /** A server that closes connections kept waiting for {@code idleTimeout}. */
    static TestServer withIdleTimeout(TestDatabase db, Duration idleTimeout) {
        return new TestServer(db.fresh(), UnaryOperator.identity(), false, idleTimeout);
    }

    private TestServer(DatabaseCoordinates coordinates, UnaryOperator<RapportBuilder> adjust, boolean demo,
                       Duration idleTimeout) {
        database = coordinates;
        // No background SLA or follow-up scan: the test's clock stands still unless the test moves it.
        var builder = Rapport.builder().clock(clock).jdbcUrl(coordinates.url()).slaScanInterval(Duration.ZERO)
                .followUpScanInterval(Duration.ZERO)
                .config(RapportServer.withSurveyLinks(RapportServer.withWebForm(Map.of()), SURVEY_BASE_URL,
                        () -> "test-server-survey-secret-0123456789abcdef"));
        if (coordinates.user() != null) {
            builder.jdbcCredentials(coordinates.user(), coordinates.password() == null ? "" : coordinates.password());
        }
        rapport = adjust.apply(DemoData.prepare(builder)).build();
        DemoData.seed(rapport);
        server = RapportServer.start(rapport, 0, MAX_JSON_BYTES,
                demo ? Optional.<Function<Duration, Instant>>of(clock::advance) : Optional.empty(), idleTimeout,
                MetricsSettings.ON_API_PORT, readiness, Duration.ofSeconds(5));
    }

    /** A response with its status, headers and JSON body (null when empty). */
    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String text(String pointer) {
            return body.at(pointer).asText();
        }

        long version() {
            return body.get("version").asLong();
        }
    }

    String login(String employeeId) {
        var response = send("POST", "/api/v1/auth/login", null,
                Map.of("employeeId", employeeId, "password", DemoData.PASSWORD));
        if (response.status() != 200) {
            throw new AssertionError("login of " + employeeId + " failed: " + response.raw().body());
        }
        return response.text("/token");
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    Response put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    Response send(String method, String path, String token, Object body) {
        try {
            return sendRaw(method, path, token, body == null ? null : mapper.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response sendRaw(String method, String path, String token, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    Response exchange(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : mapper.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response as text, whatever its type (e.g. an HTML page). */
    HttpResponse<String> exchangeText(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    @Override
    public void close() {
        server.stop();
        rapport.close();
    }
}
