package dev.rapport.storage.jdbc;

import dev.rapport.api.security.AssignmentMode;
import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit to an H2 file database is in the file when it returns, also after the database was opened before: H2
 * (2.5) reports a {@code WRITE_DELAY} of 0 that an earlier start stored in the file, yet reopens the file with its
 * default delay of 500 ms, so a process killed after a restart lost the commits of its last half second. A child
 * process writes through the storage on a database a first start created, and is killed with SIGKILL.
 */
class H2KillTest {
    private static final int ACKNOWLEDGEMENTS = 300;

    @TempDir
    Path directory;

    @Test
    void commitsAcknowledgedAfterARestartSurviveTheProcessBeingKilled() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("rapport").toAbsolutePath();
        try (var firstStart = new JdbcStorageFactory().create(TestContext.of(Map.of("url", url)))) {
            firstStart.inTransaction(tx -> tx.departments().insertIfAbsent(department("first-start")));
        }

        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var node = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CommittingNode.class.getName(),
                url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged;
        try {
            // A cold JVM migrating nothing and committing a few hundred rows: seconds, at worst a minute or two.
            acknowledged = CompletableFuture.supplyAsync(() -> acknowledgements(node)).get(3, TimeUnit.MINUTES);
        } finally {
            node.destroyForcibly();
            assertThat(node.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }

        try (var restart = new JdbcStorageFactory().create(TestContext.of(Map.of("url", url)))) {
            var stored = restart.inTransaction(tx -> tx.departments().list()).stream()
                    .map(d -> d.id().value()).toList();
            assertThat(acknowledged).hasSize(ACKNOWLEDGEMENTS);
            assertThat(stored).as("departments whose commit returned before the kill").containsAll(acknowledged);
        }
    }

    /** The first {@value #ACKNOWLEDGEMENTS} ids the node reported committed; the node keeps committing meanwhile. */
    private static List<String> acknowledgements(Process node) {
        var ids = new ArrayList<String>();
        try (var out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && ids.size() < ACKNOWLEDGEMENTS; line = out.readLine()) {
                ids.add(line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    private static Department department(String id) {
        return new Department(DepartmentId.of(id), "Department " + id, AssignmentMode.MANUAL);
    }

    /** Opens the storage again and commits departments on four threads, printing each id once its commit returned. */
    public static final class CommittingNode {
        public static void main(String[] args) {
            var storage = new JdbcStorageFactory().create(TestContext.of(Map.of("url", args[0])));
            var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            var next = new AtomicInteger();
            for (int t = 0; t < 4; t++) {
                Thread.ofPlatform().start(() -> {
                    while (true) {
                        String id = "d" + next.incrementAndGet();
                        storage.inTransaction(tx -> tx.departments().insertIfAbsent(department(id)));
                        out.println(id);
                    }
                });
            }
        }
    }
}
