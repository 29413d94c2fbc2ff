package dev.rapport.blobstore.s3;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobTooLargeException;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code s3} store's own settings and what the contract cannot see: prefixes, credentials, aborted uploads. */
class S3BlobStoreFactoryTest {
    @TempDir
    static Path directory;
    private static S3Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(directory);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void objectsAreNamedUnderThePrefix() throws Exception {
        String bucket = server.newBucket();
        var settings = new HashMap<>(server.settings(bucket));
        settings.put("prefix", "rapport/attachments/");

        try (BlobStore store = create(settings)) {
            var written = store.put(new ByteArrayInputStream(new byte[]{1, 2, 3}), 3);

            assertThat(server.fileNamesIn(bucket)).containsExactly("rapport/attachments/" + written.key().value());
        }
    }

    @Test
    void anUploadRefusedAfterItsFirstPartLeavesNoPartBehind() {
        String bucket = server.newBucket();
        long limit = S3BlobStore.PART_BYTES + 10L;
        try (BlobStore store = create(server.settings(bucket))) {
            assertThatThrownBy(() -> store.put(zeros(2L * S3BlobStore.PART_BYTES), limit))
                    .isInstanceOf(BlobTooLargeException.class);

            assertThat(server.filesIn(bucket)).as("files in the bucket after the aborted multipart upload").isZero();
        }
    }

    @Test
    void aWrongSecretKeyIsRefusedAtCreationWithoutShowingIt() {
        var settings = new HashMap<>(server.settings(server.newBucket()));
        settings.put("secret-key", "not-the-secret-7f3a91");

        assertThatThrownBy(() -> create(settings)).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("access denied").hasMessageNotContaining("not-the-secret-7f3a91");
    }

    @Test
    void aMissingBucketIsRefusedByName() {
        var settings = new HashMap<>(server.settings("no-such-bucket"));

        assertThatThrownBy(() -> create(settings)).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("no-such-bucket").hasMessageContaining("no such bucket");
    }

    @Test
    void anAccessKeyWithoutASecretKeyIsRefused() {
        var settings = new HashMap<>(server.settings(server.newBucket()));
        settings.remove("secret-key");

        assertThatThrownBy(() -> create(settings)).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("secret-key is missing");
    }

    @Test
    void malformedSettingsAreRefusedByName() {
        var badEndpoint = new HashMap<>(server.settings(server.newBucket()));
        badEndpoint.put("endpoint", "ftp://127.0.0.1/");
        badEndpoint.put("path-style", "sometimes");
        var badPrefix = new HashMap<>(server.settings(server.newBucket()));
        badPrefix.put("prefix", "../up");

        assertThatThrownBy(() -> create(badEndpoint)).as("against the declared keys, every problem at once")
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("endpoint"))
                        .anySatisfy(p -> assertThat(p).contains("path-style")));
        assertThatThrownBy(() -> create(badPrefix)).as("by the store itself").isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("prefix");
    }

    private static BlobStore create(Map<String, String> settings) {
        var factory = new S3BlobStoreFactory();
        return TestPluginContext.of(factory, settings).create(factory);
    }

    /** {@code size} zero bytes, none of them allocated. */
    private static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
