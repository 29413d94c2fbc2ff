package dev.rapport.server.crash;

import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.testkit.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
 * leaves them) in a child process of its own, in demo mode, on a data directory and optionally a database URL that
 * outlive it. {@link #kill()} is SIGKILL: no shutdown hook runs.
 */
final class ServerProcess {
    private static final Path JAR = Path.of("target", "rapport-server.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("Rapport listening on (http://localhost:\\d+)");
    /** A cold JVM on a busy two-core machine: starting takes seconds, not minutes. */
    private static final Eventually STARTING = Eventually.within(Duration.ofSeconds(120));

    private final Process process;
    private final Path output;
    private final URI uri;

    private ServerProcess(Process process, Path output, URI uri) {
        this.process = process;
        this.output = output;
        this.uri = uri;
    }

    /**
     * Starts a server and waits until it answers {@code /health} with 200.
     *
     * @param output where its standard output and error go
     */
    static ServerProcess start(Path dataDir, Optional<DatabaseCoordinates> database, Path config, Path output) {
        return start(dataDir, database, config, output, List.of());
    }

    /** The same, with more options for the server (e.g. {@code --shutdown-timeout 20s}). */
    static ServerProcess start(Path dataDir, Optional<DatabaseCoordinates> database, Path config, Path output,
                               List<String> options) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: this test runs after mvn package (mvn verify)");
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toString(), "--demo", "--port", "0", "--data-dir", dataDir.toString(),
                "--config", config.toString()));
        database.ifPresent(db -> command.addAll(List.of("--db-url", db.url(), "--db-user", db.user(),
                "--db-password", db.password())));
        command.addAll(options);
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            var started = STARTING.valueOf("the server started in " + output, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + read(output));
                }
                var listening = LISTENING.matcher(read(output));
                return listening.find() ? Optional.of(URI.create(listening.group(1))) : Optional.empty();
            });
            var server = new ServerProcess(process, output, started);
            STARTING.waitUntil("the server healthy", server::healthy);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + JAR, e);
        }
    }

    URI uri() {
        return uri;
    }

    /** What the process printed so far. */
    String output() {
        return read(output);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the server stops in order (GracefulShutdown) and closes the SDK. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGTERM, without waiting: {@link #awaitExitCode()} waits. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end (a minute at most) and returns its exit status. */
    int awaitExitCode() {
        awaitExit();
        return process.exitValue();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not exit within a minute:\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean healthy() {
        try {
            return ServerApi.anonymous(uri).get("/health").status() == 200;
        } catch (IOException e) {
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
