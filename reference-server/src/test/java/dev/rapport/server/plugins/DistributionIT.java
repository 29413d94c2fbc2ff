package dev.rapport.server.plugins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution as shipped, {@code rapport-server.jar} and {@code libs/}: it carries every bundled plugin, so the
 * configuration examples of docs/operations.md start as written (issue 14: {@code type=webhook} once stopped the start
 * with {@code No NotifierFactory with id 'webhook'; available: []}).
 */
class DistributionIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PROPERTIES_BLOCK = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void libsHoldsEveryBundledPlugin() throws IOException {
        var modules = MODULE.matcher(Files.readString(ROOT.resolve("plugins/pom.xml"))).results()
                // What plugin authors build and test with is no plugin: the toolkit travels inside the plugins.
                .map(m -> m.group(1)).filter(m -> !Set.of("testkit", "harness", "toolkit").contains(m)).toList();
        List<String> libs;
        try (Stream<Path> files = Files.list(PackagedServer.JAR.resolveSibling("libs"))) {
            libs = files.map(p -> p.getFileName().toString()).toList();
        }

        assertThat(modules).contains("notifier-log", "notifier-webhook", "notifier-email", "survey-link");
        assertThat(modules).allSatisfy(module -> assertThat(libs)
                .as("libs/ of the distribution has the plugin " + module)
                .anySatisfy(jar -> assertThat(jar).startsWith("rapport-" + module + "-").endsWith(".jar")));
    }

    @Test
    void eachConfigurationExampleOfTheOperationsGuideStartsAsWritten() throws IOException {
        var examples = PROPERTIES_BLOCK.matcher(Files.readString(ROOT.resolve("docs/operations.md"))).results()
                .map(m -> m.group(1)).toList();
        assertThat(examples).anySatisfy(example -> assertThat(example).contains("type=webhook"));

        var started = new ArrayList<String>();
        for (int i = 0; i < examples.size(); i++) {
            var config = Files.writeString(work.resolve("example-" + i + ".properties"), examples.get(i));
            try (var server = PackagedServer.start(work.resolve("example-" + i + ".log"), List.of("--data-dir",
                    work.resolve("data-" + i).toString(), "--config", config.toString()))) {
                started.add(server.output());
            }
        }
        assertThat(started).hasSameSizeAs(examples);
    }
}
