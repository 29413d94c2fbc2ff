package dev.rapport.blobstore.fs;

import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import dev.rapport.testkit.BlobStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FileSystemBlobStoreContractTest extends BlobStoreContract {
    @TempDir
    Path parent;

    @Override
    protected BlobStoreFactory factory() {
        return new FileSystemBlobStoreFactory();
    }

    /** A directory the store creates itself, inside one the test removes afterwards. */
    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of("directory", parent.resolve("blobs").toString());
    }

    /** Every file under the directory, partial ones included: what a failed put might leave. */
    @Override
    protected OptionalLong storedBlobCount(BlobStore store) {
        try (Stream<Path> files = Files.walk(parent)) {
            return OptionalLong.of(files.filter(Files::isRegularFile).count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configuration names the plugin by this id ({@code rapport.blobs.type=filesystem}): it never changes. */
    @Test
    void isConfiguredAsFilesystem() {
        assertThat(factory().id()).isEqualTo("filesystem");
    }
}
