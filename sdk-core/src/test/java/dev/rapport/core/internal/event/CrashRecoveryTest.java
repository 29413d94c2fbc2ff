package dev.rapport.core.internal.event;

import dev.rapport.api.event.CustomerCreated;
import dev.rapport.core.testing.Backlog;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that exits without closing the SDK, even killed while events are pending, loses none of them. The host runs
 * in a JVM of its own ({@link DeliveringNode}) on the shared embedded PostgreSQL, or on an H2 file as an embedding
 * host's default durable storage, and is killed with {@code destroyForcibly()} (SIGKILL) while its slow listener is
 * part-way through; a host started afterwards on the same database delivers the rest once the dead one's lease is over.
 */
class CrashRecoveryTest {
    static final String TIMEOUT = "1s";
    private static final int CUSTOMERS = 30;

    @RegisterExtension
    final TestRapports rapports = new TestRapports(MutableClock.at("2026-11-23T02:00:00Z"));
    @TempDir
    Path directory;

    @Test
    void eventsCommittedBeforeACrashAreDeliveredAfterTheRestartOnPostgresql() throws Exception {
        eventsCommittedBeforeACrashAreDeliveredAfterTheRestart(TestDatabase.POSTGRES.fresh());
    }

    @Test
    void eventsCommittedBeforeACrashAreDeliveredAfterTheRestartOnAnH2File() throws Exception {
        eventsCommittedBeforeACrashAreDeliveredAfterTheRestart(
                new DatabaseCoordinates("jdbc:h2:file:" + directory.resolve("host").toAbsolutePath(), "sa", "sa"));
    }

    private void eventsCommittedBeforeACrashAreDeliveredAfterTheRestart(DatabaseCoordinates database)
            throws Exception {
        Path heardFile = directory.resolve("heard-before-crash.txt");
        Path stderr = directory.resolve("node-stderr.txt");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var node = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DeliveringNode.class.getName(), database.url(), database.user(), database.password(),
                heardFile.toString(), Integer.toString(CUSTOMERS))
                .redirectError(stderr.toFile())
                .start();
        List<String> created;
        try {
            // A cold JVM migrating a database on a busy two-core machine: seconds, at worst a minute or two.
            created = CompletableFuture.supplyAsync(() -> createdIds(node, stderr)).get(2, TimeUnit.MINUTES);
            Eventually.until("the node delivering", () -> lines(heardFile).size() >= 3);
        } finally {
            node.destroyForcibly();
            assertThat(node.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        var beforeCrash = lines(heardFile);

        var heard = new HeardEvents();
        rapports.start(Fixtures.builder(database, Clock.systemUTC()).listener(heard)
                .config("rapport.events.timeout", TIMEOUT)
                .config("rapport.events.poll-interval", "100ms"));
        Eventually.until("every customer heard before or after the crash", () -> {
            var all = new HashSet<>(beforeCrash);
            heard.of(CustomerCreated.class).forEach(e -> all.add(e.customerId().value()));
            return all.containsAll(created);
        });
        Eventually.until("nothing left to deliver", Backlog.of(database)::isEmpty);
        var afterRestart = heard.of(CustomerCreated.class).stream().map(e -> e.customerId().value()).toList();

        assertThat(created).hasSize(CUSTOMERS);
        assertThat(beforeCrash).as("killed part-way").hasSizeBetween(3, CUSTOMERS - 1).doesNotHaveDuplicates();
        assertThat(afterRestart).doesNotHaveDuplicates();
        var both = new ArrayList<>(beforeCrash);
        both.addAll(afterRestart);
        assertThat(both).containsAll(created).hasSizeLessThanOrEqualTo(CUSTOMERS + 1);
        assertThat(afterRestart.stream().filter(beforeCrash::contains).toList())
                .as("heard twice: at most the one in flight").hasSizeLessThanOrEqualTo(1);
    }

    /** The ids the node printed, once it printed COMMITTED. */
    private static List<String> createdIds(Process node, Path stderr) {
        var ids = new ArrayList<String>();
        try (var out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("CREATED ")) {
                    ids.add(line.substring("CREATED ".length()));
                } else if (line.equals("COMMITTED")) {
                    return ids;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the node ended before committing: " + String.join("\n", lines(stderr)));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
