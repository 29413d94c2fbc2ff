package dev.rapport.blobstore.s3;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real S3-compatible server in this JVM: S3Proxy over jclouds' {@code filesystem} provider, so every bucket is a
 * directory under {@link #directory()} and every object, or part of an unfinished multipart upload, a file there. It
 * checks AWS signatures (V2 or V4) against {@link #ACCESS_KEY} and {@link #SECRET_KEY}.
 */
final class S3Server implements AutoCloseable {
    static final String ACCESS_KEY = "rapport-test-access";
    static final String SECRET_KEY = "s3-secret-4b1d7e9a0c2f";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final Path directory;
    private final BlobStoreContext jclouds;
    private final S3Proxy proxy;

    private S3Server(Path directory, BlobStoreContext jclouds, S3Proxy proxy) {
        this.directory = directory;
        this.jclouds = jclouds;
        this.proxy = proxy;
    }

    /** Starts a server on a free local port, keeping its buckets under {@code directory}. */
    static S3Server start(Path directory) throws Exception {
        var properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        var jclouds = ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
        var proxy = S3Proxy.builder()
                .blobStore(jclouds.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        return new S3Server(directory, jclouds, proxy);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A new, empty bucket. */
    String newBucket() {
        String bucket = "bucket-" + BUCKETS.incrementAndGet();
        BlobStore store = jclouds.getBlobStore();
        store.createContainerInLocation(null, bucket);
        return bucket;
    }

    /** The settings of a store on {@code bucket} of this server. */
    Map<String, String> settings(String bucket) {
        return Map.of("bucket", bucket, "endpoint", endpoint().toString(), "path-style", "true",
                "access-key", ACCESS_KEY, "secret-key", SECRET_KEY);
    }

    /** Every file in the bucket's directory: objects, and whatever a multipart upload keeps of its parts. */
    long filesIn(String bucket) {
        try (Stream<Path> files = Files.walk(directory.resolve(bucket))) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the bucket's files, relative to its directory. */
    Stream<String> fileNamesIn(String bucket) throws IOException {
        Path root = directory.resolve(bucket);
        return Files.walk(root).filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList().stream();
    }

    /** Threads of the server's own (its Jetty pool), which a check for threads left behind must ignore. */
    static boolean isServerThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("S3Proxy") || name.startsWith("qtp") || name.contains("jclouds")
                || name.contains("user thread");
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        jclouds.close();
    }
}
