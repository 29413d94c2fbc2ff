package dev.rapport.blobstore.fs;

import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.blob.BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemBlobStoreTest {
    @TempDir
    Path parent;
    private Path dir;
    private BlobStore store;

    @BeforeEach
    void createStore() throws IOException {
        dir = Files.createDirectories(parent.resolve("blobs"));
        store = new FileSystemBlobStoreFactory().create(TestContext.of(Map.of("directory", dir.toString())));
    }

    @AfterEach
    void closeStore() {
        store.close();
        store.close();
    }

    @Test
    void theSha256IsTheStandardOne() {
        var written = store.put(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), 3);

        assertThat(written.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void keysCannotNameAnythingOutsideTheDirectory() throws IOException {
        for (String escaping : List.of("..", "../x", "a/../../b", "/etc/passwd", "a/b", "a\\b", "..\\..\\win.ini", ".x",
                "", " ", "x".repeat(129))) {
            assertThatThrownBy(() -> BlobKey.of(escaping)).as(escaping).isInstanceOf(IllegalArgumentException.class);
        }
        Path outside = Files.writeString(parent.resolve("secret"), "not yours");

        // Keys of a blob key's shape that this store never made name no blob, even when such a file exists.
        assertThatThrownBy(() -> store.open(BlobKey.of("secret")))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(NoSuchFileException.class);
        store.delete(BlobKey.of("secret"));
        assertThat(outside).hasContent("not yours");
    }

    @Test
    void keysAreRandomAndEveryBlobLiesInsideTheDirectory() throws IOException {
        var first = store.put(new ByteArrayInputStream(new byte[]{1}), 1);
        var second = store.put(new ByteArrayInputStream(new byte[]{1}), 1);

        assertThat(first.key()).isNotEqualTo(second.key());
        assertThat(first.key().value()).matches("[0-9a-f]{32}");
        assertThat(files()).hasSize(2).allSatisfy(f -> assertThat(f.toRealPath()).startsWith(dir.toRealPath()));
    }

    @Test
    void partialFilesOfCrashedUploadsAreRemovedOnceADayOldAndYoungerOnesKept() throws IOException {
        Path shard = Files.createDirectories(dir.resolve("ab"));
        Path old = Files.writeString(shard.resolve("ab000000000000000000000000000001.part"), "half");
        Path young = Files.writeString(shard.resolve("ab000000000000000000000000000002.part"), "uploading");
        Files.setLastModifiedTime(old, FileTime.from(TestContext.NOW.minus(Duration.ofDays(2))));
        Files.setLastModifiedTime(young, FileTime.from(TestContext.NOW.minus(Duration.ofHours(1))));

        new FileSystemBlobStoreFactory().create(TestContext.of(Map.of("directory", dir.toString()))).close();

        assertThat(old).doesNotExist();
        assertThat(young).exists();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(parent)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
