package dev.rapport.core;

import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.ticket.NewAttachment;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the builder sets up the blob store and the attachment limits. */
class AttachmentConfigurationTest {
    @TempDir
    Path temp;

    @Test
    void blobsGoToTheConfiguredDirectoryAndStayThereAfterClose() throws IOException {
        Path directory = temp.resolve("attachments");
        try (var rapport = Rapport.builder().config("rapport.blobs.directory", directory.toString()).build()) {
            attachSomething(rapport);
        }
        assertThat(files(directory)).hasSize(1);
    }

    @Test
    void withoutADirectoryBlobsGoToAFreshTemporaryOneThatCloseDeletes() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = scratchDirectories(tmp);
        byte[] unique = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        Path ours;
        try (var rapport = Rapport.builder().build()) {
            attach(rapport, unique);
            // Other builds on this machine may make scratch directories too: ours is the one holding our bytes.
            var made = scratchDirectories(tmp);
            made.removeAll(before);
            ours = made.stream().filter(dir -> holds(dir, unique)).findFirst().orElseThrow();
            assertThat(files(ours)).hasSize(1);
        }
        assertThat(ours).doesNotExist();
    }

    @Test
    void onPostgresqlWithoutBlobSettingsAttachmentsLiveInTheDatabaseEveryNodeShares() throws SQLException {
        var db = TestDatabase.POSTGRES.fresh();
        try (var rapport = onDatabase(db).build()) {
            attachSomething(rapport);

            assertThat(completeBlobsIn(db)).isEqualTo(1);
        }
    }

    @Test
    void aDirectoryKeepsAttachmentsInFilesOnPostgresqlToo() throws IOException, SQLException {
        var db = TestDatabase.POSTGRES.fresh();
        Path directory = temp.resolve("attachments");
        try (var rapport = onDatabase(db).config("rapport.blobs.directory", directory.toString()).build()) {
            attachSomething(rapport);
        }

        assertThat(files(directory)).hasSize(1);
        assertThat(completeBlobsIn(db)).isZero();
    }

    @Test
    void theDatabaseStoreCanBeChosenOnH2() throws SQLException {
        var db = TestDatabase.H2.fresh();
        try (var rapport = onDatabase(db).config("rapport.blobs.type", "jdbc").build()) {
            attachSomething(rapport);

            assertThat(completeBlobsIn(db)).isEqualTo(1);
        }
    }

    @Test
    void unknownBlobKeysAndTypesFailTheBuildByName() {
        assertThatThrownBy(() -> Rapport.builder().config("rapport.blobs.directory", temp.toString())
                .config("rapport.blobs.colour", "blue").config("rapport.blobz.type", "s3").build())
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("blobs").contains("colour").contains("directory"))
                        .anySatisfy(p -> assertThat(p).contains("rapport.blobz.type").contains("rapport.blobs.")));
        assertThatThrownBy(() -> Rapport.builder().config("rapport.blobs.type", "s3").build())
                .isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("s3").hasMessageContaining("filesystem");
    }

    @Test
    void attachmentLimitsMustMakeSense() {
        assertThatThrownBy(() -> Rapport.builder().attachmentLimits(0, Set.of("text/plain")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rapport.builder().attachmentLimits(10, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rapport.builder().attachmentLimits(10, Set.of("text plain")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text plain");
        assertThat(RapportBuilder.DEFAULT_ATTACHMENT_TYPES).contains("application/pdf", "image/png", "text/plain")
                .doesNotContain("text/html", "image/svg+xml", "application/octet-stream");
    }

    private static RapportBuilder onDatabase(DatabaseCoordinates db) {
        return Rapport.builder().jdbcUrl(db.url()).jdbcCredentials(db.user(), db.password());
    }

    private static long completeBlobsIn(DatabaseCoordinates db) throws SQLException {
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM blobs WHERE complete")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void attachSomething(Rapport rapport) {
        attach(rapport, "abc".getBytes(StandardCharsets.US_ASCII));
    }

    private static void attach(Rapport rapport, byte[] bytes) {
        var customer = rapport.customers().create(Actor.system(), aCustomer().build());
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        rapport.attachments().add(Actor.system(), ticket.id(),
                NewAttachment.of("note.txt", "text/plain", new ByteArrayInputStream(bytes)));
    }

    private static boolean holds(Path directory, byte[] bytes) {
        try {
            for (Path file : files(directory)) {
                if (Arrays.equals(Files.readAllBytes(file), bytes)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | UncheckedIOException e) {
            return false; // another build's directory, gone meanwhile
        }
    }

    private static Set<Path> scratchDirectories(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("rapport-blobs-"))
                    .collect(Collectors.toSet());
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
