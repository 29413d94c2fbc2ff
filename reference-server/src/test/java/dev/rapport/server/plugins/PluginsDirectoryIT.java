package dev.rapport.server.plugins;

import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Third-party plugins, built here from source against the SDK API and never on the server's class path, dropped into a
 * plugins directory of the packaged server.
 */
class PluginsDirectoryIT {
    private static final Eventually DELIVERY = Eventually.within(Duration.ofSeconds(60));

    @TempDir
    Path work;

    @Test
    void aThirdPartyNotifierJarDeliversATicketCreatedOverHttpAndTwoPluginsEachSeeTheirOwnLibraryVersion()
            throws IOException {
        var plugins = Files.createDirectories(work.resolve("plugins"));
        var jars = new PluginJars(work.resolve("build"));
        jars.fileNotifierJar(plugins, "file-notifier.jar", "com.example.file", "file", "3.0");
        jars.fileNotifierWithLibrary(plugins, "alpha", "com.example.alpha", "alpha", "1.0");
        jars.fileNotifierWithLibrary(plugins, "beta", "com.example.beta", "beta", "2.0");
        var config = Files.writeString(work.resolve("rapport.properties"), String.join("\n",
                "rapport.notifiers.audit-file.type=file",
                "rapport.notifiers.audit-file.path=" + work.resolve("file.txt"),
                "rapport.notifiers.audit-alpha.type=alpha",
                "rapport.notifiers.audit-alpha.path=" + work.resolve("alpha.txt"),
                "rapport.notifiers.audit-beta.type=beta",
                "rapport.notifiers.audit-beta.path=" + work.resolve("beta.txt"),
                "rapport.events.poll-interval=200ms", ""));

        try (var server = PackagedServer.start(work.resolve("server.log"), List.of("--demo", "--data-dir",
                work.resolve("data").toString(), "--config", config.toString(), "--plugins", plugins.toString()))) {
            assertThat(server.output()).contains("Plugin " + plugins.resolve("file-notifier.jar")
                    + ": NotifierFactory 'file'", "Plugin " + plugins.resolve("alpha") + ": NotifierFactory 'alpha'");

            String ticket = openTicket(server);

            DELIVERY.waitUntilAsserted("the plugins' notifiers delivered the ticket's creation", () -> {
                assertThat(read("file.txt")).contains("TicketCreated " + ticket + " library 3.0");
                assertThat(read("alpha.txt")).contains("TicketCreated " + ticket + " library 1.0");
                assertThat(read("beta.txt")).contains("TicketCreated " + ticket + " library 2.0");
            });
        }
    }

    @Test
    void aBrokenPluginJarStopsTheStartNamingTheJarAndTheReasonWithoutAStackTrace() throws IOException {
        var plugins = Files.createDirectories(work.resolve("plugins"));
        new PluginJars(work.resolve("build")).fileNotifierJar(plugins, "file-notifier.jar", "com.example.file",
                "file", "1.0");
        Files.writeString(plugins.resolve("broken.jar"), "a text file, not a jar");

        var refusal = PackagedServer.refusal(work.resolve("server.log"), List.of("--data-dir",
                work.resolve("data").toString(), "--plugins", plugins.toString()));

        assertThat(refusal.exitStatus()).isNotZero();
        assertThat(refusal.output())
                .contains("Cannot load the plugins in " + plugins + ": " + plugins.resolve("broken.jar")
                        + ": not a readable jar")
                .doesNotContain("\tat ", "Rapport listening");
    }

    private static String openTicket(PackagedServer server) {
        String agent = server.login("agent");
        var profile = PackagedServer.object().put("kind", "ORGANIZATION").put("name", "Plugin Test Customer")
                .put("industry", "Retail").put("source", "REFERRAL");
        profile.putArray("contacts").addObject().put("name", "Plugin Contact").put("email", "plugin@test.example");
        String customer = server.send("POST", "/api/v1/customers?allowDuplicate=true", agent, profile, 201)
                .get("id").asText();
        var ticket = PackagedServer.object().put("customerId", customer).put("type", "CONSULTATION")
                .put("priority", "P3").put("description", "Delivered by a plugin");
        return server.send("POST", "/api/v1/tickets", agent, ticket, 201).get("id").asText();
    }

    private String read(String file) {
        try {
            var path = work.resolve(file);
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
