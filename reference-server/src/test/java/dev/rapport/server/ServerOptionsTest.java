package dev.rapport.server;

import dev.rapport.server.logging.LogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerOptionsTest {
    @Test
    void defaultsToPort8080AndAnH2FileInTheDataDirectory() {
        var options = ServerOptions.parse(new String[0], Map.of());
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.demo()).isFalse();
        assertThat(options.maxJsonBytes()).isEqualTo(1_048_576);
        assertThat(options.jdbcUrl()).startsWith("jdbc:h2:file:").endsWith("data/rapport");
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rapport.properties");
        Files.writeString(file, "port=7000\ndb-url=jdbc:h2:mem:file\ndb-user=file-user\n");
        var options = ServerOptions.parse(new String[]{"--config", file.toString(), "--port=9000", "--demo"},
                Map.of("RAPPORT_PORT", "8000", "RAPPORT_DB_URL", "jdbc:postgresql://db/rapport"));
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.dbUrl()).contains("jdbc:postgresql://db/rapport");
        assertThat(options.dbUser()).contains("file-user");
        assertThat(options.demo()).isTrue();
    }

    @Test
    void attachmentsGoToTheDataDirectoryUpToAConfigurableSize() {
        var defaults = ServerOptions.parse(new String[]{"--data-dir", "/srv/rapport"}, Map.of());
        var configured = ServerOptions.parse(new String[0], Map.of("RAPPORT_MAX_ATTACHMENT_BYTES", "209715200"));

        assertThat(defaults.maxAttachmentBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(defaults.attachmentDir()).isEqualTo(Path.of("/srv/rapport/attachments"));
        assertThat(configured.maxAttachmentBytes()).isEqualTo(200L * 1024 * 1024);
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--max-attachment-bytes", "0"}, Map.of()))
                .hasMessageContaining("max-attachment-bytes");
    }

    @Test
    void attachmentsAreFilesOnH2AndInTheDatabaseOnPostgresqlUnlessATypeIsConfigured(@TempDir Path dir)
            throws IOException {
        var postgres = Map.of("RAPPORT_DB_URL", "jdbc:postgresql://db/rapport");
        Path filesystem = dir.resolve("filesystem.properties");
        Files.writeString(filesystem, "rapport.blobs.type=filesystem\n");
        Path s3 = dir.resolve("s3.properties");
        Files.writeString(s3, "rapport.blobs.type=s3\nrapport.blobs.bucket=attachments\n");

        assertThat(ServerOptions.parse(new String[0], Map.of()).attachmentsInDataDir()).as("H2").isTrue();
        assertThat(ServerOptions.parse(new String[0], postgres).attachmentsInDataDir()).as("PostgreSQL").isFalse();
        assertThat(ServerOptions.parse(new String[]{"--config", filesystem.toString()}, postgres)
                .attachmentsInDataDir()).as("PostgreSQL, filesystem configured").isTrue();
        assertThat(ServerOptions.parse(new String[]{"--config", s3.toString()}, Map.of())
                .attachmentsInDataDir()).as("H2, s3 configured").isFalse();
    }

    @Test
    void theFilesSdkKeysGoToTheSdkAsTheyAreAndTheirValuesNeverShowInText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rapport.properties");
        Files.writeString(file, "port=7000\nrapport.notifiers.ops.type=webhook\nrapport.notifiers.ops.secret=s3cret\n"
                + "rapport.events.max-attempts=5\n");
        var options = ServerOptions.parse(new String[]{"--config", file.toString()}, Map.of());

        assertThat(options.sdkConfig()).isEqualTo(Map.of("rapport.notifiers.ops.type", "webhook",
                "rapport.notifiers.ops.secret", "s3cret", "rapport.events.max-attempts", "5"));
        assertThat(options.toString()).contains("rapport.notifiers.ops.secret").doesNotContain("s3cret");
    }

    @Test
    void theDatabasePasswordNeverShowsInText() {
        var options = ServerOptions.parse(new String[]{"--db-password", "s3cret"}, Map.of());
        assertThat(options.toString()).doesNotContain("s3cret");
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--port", "http"}, Map.of()))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--colour", "blue"}, Map.of()))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--port"}, Map.of()))
                .hasMessageContaining("needs a value");
    }

    @Test
    void surveyLinksPointAtThePublicUrlAndTheirSecretNeverShowsInText() {
        var defaults = ServerOptions.parse(new String[]{"--port", "9090"}, Map.of());
        var configured = ServerOptions.parse(new String[]{"--public-url", "https://service.example.com/"},
                Map.of("RAPPORT_SURVEY_SECRET", "survey-secret-of-at-least-32-characters"));

        assertThat(defaults.publicUrl(9090)).isEqualTo("http://localhost:9090");
        assertThat(defaults.surveySecret()).isEmpty();
        assertThat(configured.publicUrl(9090)).isEqualTo("https://service.example.com");
        assertThat(configured.surveySecret()).contains("survey-secret-of-at-least-32-characters");
        assertThat(configured.toString()).doesNotContain("survey-secret-of-at-least-32-characters");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--public-url", "service.example.com"}, Map.of()))
                .hasMessageContaining("public-url");
    }

    @Test
    void thePluginsDirectoryComesFromTheFlagOrTheEnvironmentAndMustExist(@TempDir Path dir) throws IOException {
        var flagged = Files.createDirectories(dir.resolve("flagged"));
        var environment = Files.createDirectories(dir.resolve("environment"));

        assertThat(ServerOptions.parse(new String[]{"--plugins", flagged.toString()},
                Map.of("RAPPORT_PLUGINS_DIR", environment.toString())).pluginsDir()).contains(flagged);
        assertThat(ServerOptions.parse(new String[0], Map.of("RAPPORT_PLUGINS_DIR", environment.toString()))
                .pluginsDir()).contains(environment);
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--plugins", dir.resolve("missing").toString()},
                Map.of())).hasMessage("plugins must be a directory of plugin jars; " + dir.resolve("missing")
                + " is not a directory");
    }

    @Test
    void metricsStayOnTheHttpPortOpenToAllUnlessAPortOrATokenIsSetAndTheTokenNeverShowsInText() {
        var defaults = ServerOptions.parse(new String[0], Map.of());
        var moved = ServerOptions.parse(new String[]{"--metrics-port", "9090"},
                Map.of("RAPPORT_METRICS_TOKEN", "scrape-token-0123456789"));

        assertThat(defaults.metrics().port()).isEmpty();
        assertThat(defaults.metrics().token()).isEmpty();
        assertThat(moved.metrics().port()).contains(9090);
        assertThat(moved.metrics().token()).contains("scrape-token-0123456789");
        assertThat(moved.toString()).contains("9090").doesNotContain("scrape-token-0123456789");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--port", "8080", "--metrics-port", "8080"},
                Map.of())).hasMessageContaining("metrics-port must differ from port");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--metrics-port", "0"}, Map.of()))
                .hasMessageContaining("metrics-port");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--metrics-token", "short"}, Map.of()))
                .hasMessageContaining("metrics-token must be at least 16");
    }

    @Test
    void logsArePlainUnlessJsonIsAskedFor() {
        assertThat(ServerOptions.parse(new String[0], Map.of()).logFormat()).isEqualTo(LogFormat.PLAIN);
        assertThat(ServerOptions.parse(new String[]{"--log-format", "json"}, Map.of()).logFormat())
                .isEqualTo(LogFormat.JSON);
        assertThat(ServerOptions.parse(new String[0], Map.of("RAPPORT_LOG_FORMAT", "JSON")).logFormat())
                .isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--log-format", "xml"}, Map.of()))
                .hasMessageContaining("log-format");
    }

    @Test
    void aStopTakesAtMostTheShutdownTimeout() {
        assertThat(ServerOptions.parse(new String[0], Map.of()).shutdownTimeout()).hasSeconds(20);
        assertThat(ServerOptions.parse(new String[]{"--shutdown-timeout", "45s"}, Map.of()).shutdownTimeout())
                .hasSeconds(45);
        assertThat(ServerOptions.parse(new String[0], Map.of("RAPPORT_SHUTDOWN_TIMEOUT", "PT2M")).shutdownTimeout())
                .hasMinutes(2);
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--shutdown-timeout", "0s"}, Map.of()))
                .hasMessageContaining("shutdown-timeout");
    }
}
