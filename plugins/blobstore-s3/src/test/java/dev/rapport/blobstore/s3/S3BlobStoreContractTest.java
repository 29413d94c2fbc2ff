package dev.rapport.blobstore.s3;

import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import dev.rapport.testkit.BlobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The blob store contract against a real S3-compatible server (S3Proxy on a directory), a fresh bucket per check. */
class S3BlobStoreContractTest extends BlobStoreContract {
    @TempDir
    static Path directory;
    private static S3Server server;
    private String bucket;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(directory);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void newBucket() {
        bucket = server.newBucket();
    }

    @Override
    protected BlobStoreFactory factory() {
        return new S3BlobStoreFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return server.settings(bucket);
    }

    @Override
    protected Map<String, String> changedValues() {
        return Map.of("region", "eu-west-1", "prefix", "rapport/attachments/");
    }

    /**
     * Without the bucket or one of the keys the store cannot work. Without the endpoint or path style it would try
     * AWS itself, which a test cannot reach: those are covered by {@link S3BlobStoreFactoryTest}.
     */
    @Override
    protected Set<String> requiredKeys() {
        return Set.of("bucket", "access-key", "secret-key");
    }

    @Override
    protected Map<String, String> withSecrets() {
        return Map.of("secret-key", S3Server.SECRET_KEY);
    }

    /** Every file of the bucket: objects and the parts of unfinished multipart uploads. */
    @Override
    protected OptionalLong storedBlobCount(BlobStore store) {
        return OptionalLong.of(server.filesIn(bucket));
    }

    /** More than one part: the multipart path, not only single PUTs. */
    @Override
    protected long largeBlobBytes() {
        return 3L * S3BlobStore.PART_BYTES + 12_345;
    }

    @Override
    protected boolean isPeerThread(Thread thread) {
        return S3Server.isServerThread(thread);
    }

    /** Configuration names the plugin by this id ({@code rapport.blobs.type=s3}): it never changes. */
    @Test
    void isConfiguredAsS3() {
        assertThat(factory().id()).isEqualTo("s3");
    }
}
