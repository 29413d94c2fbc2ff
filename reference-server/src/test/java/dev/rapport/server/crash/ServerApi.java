package dev.rapport.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to one server process; an {@link IOException} means the server is gone (killed). */
final class ServerApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String token;

    private ServerApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Without a token: for {@code /health}. */
    static ServerApi anonymous(URI base) {
        return new ServerApi(base, null);
    }

    /** Signs in as a demo user. */
    static ServerApi login(URI base, String employeeId) {
        var anonymous = anonymous(base);
        try {
            var answer = anonymous.send("POST", "/api/v1/auth/login",
                    MAPPER.createObjectNode().put("employeeId", employeeId).put("password", "rapport-demo"));
            answer.require(200);
            return new ServerApi(base, answer.body().get("token").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign in at " + base, e);
        }
    }

    /** An answer: status and JSON body (null when empty or not JSON). */
    record Answer(int status, JsonNode body, String text) {
        Answer require(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + text);
            }
            return this;
        }

        String text(String field) {
            return body.get(field).asText();
        }
    }

    /** The bearer token of the signed-in user, for requests this class cannot make (a body sent in two parts). */
    String token() {
        return token;
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    Answer get(String path) throws IOException {
        return send("GET", path, null);
    }

    /** GET that must answer 200, for checks after a restart (the server is up). */
    JsonNode read(String path) {
        try {
            return get(path).require(200).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer post(String path, JsonNode body) throws IOException {
        return send("POST", path, body);
    }

    Answer patch(String path, JsonNode body) throws IOException {
        return send("PATCH", path, body);
    }

    /** Uploads {@code bytes} as an attachment (API.md: the body is the file, its name in {@code X-Filename}). */
    Answer upload(String path, String contentType, String filename, byte[] bytes) throws IOException {
        var request = authorized(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", contentType).header("X-Filename", filename));
        var response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json(response.body()), response.body());
    }

    /** The bytes of a download that must answer 200. */
    byte[] download(String path) throws IOException {
        var response = exchange(authorized(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .GET()), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200 but got " + response.statusCode() + " for " + path);
        }
        return response.body();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException {
        try {
            return HTTP.send(request.build(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Answer send(String method, String path, JsonNode body) throws IOException {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json");
        var response = exchange(authorized(request), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!response.body().isEmpty() && contentType.contains("json")) {
            json = MAPPER.readTree(response.body());
        }
        return new Answer(response.statusCode(), json, response.body());
    }
}
