package dev.rapport.blobstore.fs;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemBlobStoreFactoryTest {
    @TempDir
    Path dir;

    @Test
    void isDiscoveredByServiceLoaderUnderAKebabCaseId() {
        var ids = ServiceLoader.load(BlobStoreFactory.class).stream().map(p -> p.get().id()).toList();

        assertThat(ids).contains("filesystem");
        assertThat(new FileSystemBlobStoreFactory().id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    }

    @Test
    void theDirectoryIsRequired() {
        assertThatThrownBy(() -> new FileSystemBlobStoreFactory().create(TestContext.of(Map.of())))
                .isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("blobs").hasMessageContaining("directory");
    }

    @Test
    void aMissingDirectoryIsCreatedAndKeysItDoesNotReadAreLeftForTheSdkToReport() {
        Path nested = dir.resolve("data/attachments");
        var context = TestContext.of(Map.of("directory", nested.toString(), "colour", "blue"));

        try (var store = new FileSystemBlobStoreFactory().create(context)) {
            var written = store.put(new ByteArrayInputStream(new byte[]{1, 2, 3}), 10);

            assertThat(written.size()).isEqualTo(3);
            assertThat(nested).isDirectory();
            assertThat(context.config().unreadKeys()).containsExactly("colour");
        }
    }

    @Test
    void aDirectoryThatIsAFileIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> new FileSystemBlobStoreFactory().create(TestContext.of(Map.of("directory", file.toString()))))
                .isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("directory").hasMessageContaining("not-a-directory");
    }
}
