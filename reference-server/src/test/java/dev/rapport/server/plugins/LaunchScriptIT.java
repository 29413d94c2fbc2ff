package dev.rapport.server.plugins;

import dev.rapport.testkit.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's launch script, {@code target/rapport-server}, run from a copy of the distribution: it starts the
 * server with the documented JVM flags and, on JDK 25 and newer, keeps the ahead-of-time cache (classes, no method
 * profiles) a first run writes for the starts after it, writing it again when the jar is newer.
 */
class LaunchScriptIT {
    private static final Eventually WRITING = Eventually.within(Duration.ofSeconds(120));

    @TempDir
    Path work;

    @Test
    void startsTheServerAndKeepsTheAheadOfTimeCacheOfAFirstRunForTheNextStarts() throws IOException {
        var distribution = copyOfTheDistribution();
        var cache = distribution.resolve("rapport-server.aot");

        var first = startAndSignIn(distribution, "first");
        assertThat(first).contains("-XX:+UseSerialGC", "-Xmx128m", "-jar");
        if (Runtime.version().feature() < 25) {
            assertThat(first).noneMatch(option -> option.startsWith("-XX:AOT"));
            return;
        }
        // The classes only: a start's method profiles would steer the JIT of a server under load (operations.md).
        assertThat(first).contains("-XX:AOTCacheOutput=" + cache, "-XX:-AOTRecordTraining");
        WRITING.waitUntil("the cache written as the first run stopped", () -> Files.exists(cache)
                && !Files.exists(distribution.resolve("rapport-server.aot.config")));

        assertThat(startAndSignIn(distribution, "second")).contains("-XX:AOTCache=" + cache, "-XX:-AOTReplayTraining");

        Files.setLastModifiedTime(distribution.resolve("rapport-server.jar"),
                FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(startAndSignIn(distribution, "after-upgrade")).contains("-XX:AOTCacheOutput=" + cache);
    }

    /** Starts the script on a new demo database, signs in, stops it; the JVM's options. */
    private List<String> startAndSignIn(Path distribution, String name) {
        try (var server = PackagedServer.startWithScript(distribution, work.resolve(name + ".log"),
                List.of("--demo", "--data-dir", work.resolve(name).toString()))) {
            assertThat(server.login("agent")).isNotBlank();
            return server.jvmArguments();
        }
    }

    private Path copyOfTheDistribution() throws IOException {
        var target = PackagedServer.JAR.getParent();
        var distribution = Files.createDirectories(work.resolve("distribution/libs"));
        try (Stream<Path> libs = Files.list(target.resolve("libs"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, distribution.resolve(lib.getFileName()));
            }
        }
        Files.copy(PackagedServer.JAR, distribution.resolveSibling("rapport-server.jar"));
        Files.copy(target.resolve("rapport-server"), distribution.resolveSibling("rapport-server"));
        return distribution.getParent();
    }
}
