package dev.rapport.examples;

import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.testkit.NotifierContract;
import dev.rapport.testkit.RemoteNotifierContract;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** plugin-guide.md shows the example project as it is: every tagged region of it, and nothing it lacks. */
class PluginGuideTest {
    private static final Path EXAMPLE = Path.of("examples/notifier-example");
    private static final Path GUIDE = Path.of("plugin-guide.md");
    private static final Pattern TAG = Pattern.compile("tag::([a-z-]+)\\[]");

    @Test
    void theGuideQuotesEveryTaggedRegionOfTheExampleVerbatim() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> regions = new ArrayList<>();
        for (Path file : exampleSources(".java", ".xml")) {
            regions.addAll(regions(file));
        }

        assertThat(regions).hasSize(6);
        assertThat(regions).allSatisfy(region -> assertThat(guide).contains(region));
    }

    @Test
    void theGuideShowsTheExamplesWholePomSoThatThePomItShowsIsBuilt() throws IOException {
        String pom = Files.readString(EXAMPLE.resolve("pom.xml")).strip();

        assertThat(Files.readString(GUIDE)).contains("```xml\n" + pom + "\n```");
        assertThat(pom).contains("<artifactId>rapport-bom</artifactId>", "<scope>import</scope>")
                .containsPattern("<artifactId>maven-surefire-plugin</artifactId>\\s*<version>3\\.")
                .containsPattern("<artifactId>maven-compiler-plugin</artifactId>\\s*<version>3\\.");
    }

    @Test
    void theGuideSaysHowManyChecksEachNotifierContractRuns() throws IOException {
        String guide = Files.readString(GUIDE);

        assertThat(guide).contains("**" + checks(CountedRemoteNotifierContract.class) + " checks** for `RemoteNotifierContract`")
                .contains("and **" + checks(CountedNotifierContract.class) + "** for `NotifierContract`");
    }

    @Test
    void theGuideQuotesTheServiceRegistrationAndTheWebhookReceiversCheck() throws IOException {
        String guide = Files.readString(GUIDE);
        String registration = Files.readString(EXAMPLE.resolve(
                "src/main/resources/META-INF/services/dev.rapport.api.spi.notify.NotifierFactory")).strip();
        List<String> receiver = regions(Path.of(
                "../plugins/notifier-webhook/src/test/java/dev/rapport/notifier/webhook/WebhookNotifierTest.java"));

        assertThat(guide).contains("```\n" + registration + "\n```");
        assertThat(receiver).singleElement().satisfies(region -> assertThat(guide).contains(region));
    }

    @Test
    void everyJavaBlockOfTheGuideIsQuotedFromCompiledCodeOrIsTheSpiItself() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> quoted = new ArrayList<>();
        for (Path file : exampleSources(".java")) {
            quoted.addAll(regions(file));
        }
        quoted.addAll(regions(Path.of(
                "../plugins/notifier-webhook/src/test/java/dev/rapport/notifier/webhook/WebhookNotifierTest.java")));

        Matcher blocks = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(guide);
        List<String> unquoted = new ArrayList<>();
        while (blocks.find()) {
            if (!quoted.contains(blocks.group(1)) && !blocks.group(1).contains("interface NotifierFactory")) {
                unquoted.add(blocks.group(1));
            }
        }
        assertThat(unquoted).as("Java blocks the build never compiles").isEmpty();
    }

    @Test
    void theExampleIsAPluginTheSdkDiscovers() {
        assertThat(ServiceLoader.load(NotifierFactory.class).stream().map(p -> p.get().id()))
                .contains("chat-room");
    }

    /** The tests JUnit finds in {@code contract}, without running them. */
    private static long checks(Class<?> contract) {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(contract)).build());
        return plan.countTestIdentifiers(TestIdentifier::isTest);
    }

    /** Only discovered, never run: each override would fail. */
    static class CountedNotifierContract extends NotifierContract {
        @Override
        protected NotifierFactory factory() {
            throw new UnsupportedOperationException("only counted");
        }

        @Override
        protected Map<String, String> minimalConfig() {
            throw new UnsupportedOperationException("only counted");
        }
    }

    /** Only discovered, never run: each override would fail. */
    static class CountedRemoteNotifierContract extends RemoteNotifierContract {
        @Override
        protected NotifierFactory factory() {
            throw new UnsupportedOperationException("only counted");
        }

        @Override
        protected Map<String, String> minimalConfig() {
            throw new UnsupportedOperationException("only counted");
        }

        @Override
        protected void peerFailsTemporarily() {
            throw new UnsupportedOperationException("only counted");
        }

        @Override
        protected void peerRefuses() {
            throw new UnsupportedOperationException("only counted");
        }

        @Override
        protected void peerHangs() {
            throw new UnsupportedOperationException("only counted");
        }

        @Override
        protected void peerIsUnreachable() {
            throw new UnsupportedOperationException("only counted");
        }

        @Override
        protected Duration ownTimeout() {
            throw new UnsupportedOperationException("only counted");
        }
    }

    private static List<Path> exampleSources(String... endings) throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            return files.filter(f -> !f.startsWith(EXAMPLE.resolve("target")))
                    .filter(f -> Stream.of(endings).anyMatch(f.toString()::endsWith)).toList();
        }
    }

    /** The text between each {@code tag::name[]} line and its {@code end::name[]} line, indentation removed. */
    private static List<String> regions(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher tag = TAG.matcher(lines.get(i));
            if (tag.find()) {
                String end = "end::" + tag.group(1) + "[]";
                int j = i + 1;
                while (!lines.get(j).contains(end)) {
                    j++;
                }
                regions.add(String.join("\n", lines.subList(i + 1, j)).stripIndent().strip());
            }
        }
        return regions;
    }
}
