package dev.rapport.server.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.testkit.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged reference server ({@code target/rapport-server.jar} with {@code target/libs/}, as {@code mvn package}
 * leaves them), started as an operator does, {@code java -jar rapport-server.jar <arguments>}, in a child process.
 */
final class PackagedServer implements AutoCloseable {
    static final Path JAR = Path.of("target", "rapport-server.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("Rapport listening on (http://localhost:\\d+)");
    /** A cold JVM on a busy two-core machine: starting takes seconds, not minutes. */
    private static final Eventually STARTING = Eventually.within(Duration.ofSeconds(120));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path output;
    private final URI uri;

    private PackagedServer(Process process, Path output, URI uri) {
        this.process = process;
        this.output = output;
        this.uri = uri;
    }

    /** Starts {@code java -jar rapport-server.jar --port 0 <arguments>} writing to {@code output}. */
    private static Process launch(Path output, List<String> arguments) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: this test runs after mvn package (mvn verify)");
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toString(), "--port", "0"));
        command.addAll(arguments);
        return launch(new ProcessBuilder(command), output);
    }

    private static Process launch(ProcessBuilder builder, Path output) {
        try {
            return builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    /** Starts the server and waits until it answers {@code /health} with 200; fails when it exits instead. */
    static PackagedServer start(Path output, List<String> arguments) {
        return started(launch(output, arguments), output);
    }

    /**
     * Starts {@code sh <distribution>/rapport-server --port 0 <arguments>}, the launch script as the README runs it,
     * with this JVM's {@code java} as {@code JAVA_HOME}; waits until it answers {@code /health}.
     */
    static PackagedServer startWithScript(Path distribution, Path output, List<String> arguments) {
        var command = new ArrayList<>(List.of("sh", distribution.resolve("rapport-server").toString(), "--port", "0"));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("RAPPORT_JAVA_OPTS");
        return started(launch(builder, output), output);
    }

    private static PackagedServer started(Process process, Path output) {
        var started = STARTING.valueOf("the server started, see " + output, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + read(output));
            }
            var listening = LISTENING.matcher(read(output));
            return listening.find() ? Optional.of(URI.create(listening.group(1))) : Optional.empty();
        });
        var server = new PackagedServer(process, output, started);
        STARTING.waitUntil("the server healthy", server::healthy);
        return server;
    }

    /** What a start that must fail left: its exit status and everything it printed. */
    record Refusal(int exitStatus, String output) {
    }

    /** Starts the server expecting it to give up; fails if it starts listening instead. */
    static Refusal refusal(Path output, List<String> arguments) {
        var process = launch(output, arguments);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server kept running although it should have refused to start:\n"
                        + read(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Refusal(process.exitValue(), read(output));
    }

    String output() {
        return read(output);
    }

    /** The options the server's JVM runs with (the script execs {@code java}, so its process is the JVM's). */
    List<String> jvmArguments() {
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    /** Signs in as a demo user (password {@code rapport-demo}); returns the bearer token. */
    String login(String employeeId) {
        return send("POST", "/api/v1/auth/login", null,
                JSON.createObjectNode().put("employeeId", employeeId).put("password", "rapport-demo"), 200)
                .get("token").asText();
    }

    /** Sends JSON and returns the JSON answer, which must have {@code expectedStatus}. */
    JsonNode send(String method, String path, String token, JsonNode body, int expectedStatus) {
        var request = HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(method + " " + path + ": expected " + expectedStatus + " but got "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** SIGTERM, and waits until the process is gone. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private boolean healthy() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(uri.resolve("/health")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
