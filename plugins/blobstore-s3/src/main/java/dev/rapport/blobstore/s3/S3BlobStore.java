package dev.rapport.blobstore.s3;

import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobTooLargeException;
import dev.rapport.api.spi.blob.BlobWrite;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Blobs as objects {@code <prefix><key>} in one bucket, the key 128 random bits in hex. Content that ends within the
 * first {@value #PART_BYTES} bytes is one PUT of a known length; longer content is a multipart upload of parts of
 * that size. Either way memory holds one part, and the object appears only whole: S3 makes a PUT or the completion
 * of a multipart upload visible at once. A put that fails aborts its multipart upload, so no part is left behind.
 */
final class S3BlobStore implements BlobStore {
    /** The smallest part S3 accepts (but for the last); 10,000 of them make 50 GiB, well past any attachment. */
    static final int PART_BYTES = 5 * 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(S3BlobStore.class.getName());
    private static final Pattern OWN_KEY = Pattern.compile("[0-9a-f]{32}");
    private static final HexFormat HEX = HexFormat.of();
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param s3 a client this store owns and closes */
    S3BlobStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public BlobWrite put(InputStream content, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        var key = newKey();
        String object = object(key);
        var sha256 = sha256();
        byte[] part = new byte[PART_BYTES];
        try {
            int filled = fill(content, part, maxBytes);
            if (filled > maxBytes) {
                throw new BlobTooLargeException(maxBytes);
            }
            sha256.update(part, 0, filled);
            if (filled < part.length) {
                s3.putObject(b -> b.bucket(bucket).key(object).contentType(CONTENT_TYPE), body(part, filled));
                return new BlobWrite(key, filled, HEX.formatHex(sha256.digest()));
            }
            return putInParts(key, content, maxBytes, part, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a blob: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new UncheckedIOException("Cannot store a blob in bucket " + bucket + ": " + e.getMessage(),
                    new IOException(e));
        }
    }

    /** Continues a put whose first part, in {@code part}, is full, as a multipart upload. */
    private BlobWrite putInParts(BlobKey key, InputStream content, long maxBytes, byte[] part, MessageDigest sha256)
            throws IOException {
        String object = object(key);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(object).contentType(CONTENT_TYPE))
                .uploadId();
        boolean completed = false;
        try {
            var parts = new ArrayList<CompletedPart>();
            long size = part.length;
            parts.add(uploadPart(object, uploadId, 1, part, part.length));
            while (true) {
                int filled = fill(content, part, maxBytes - size);
                size += filled;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                if (filled == 0) {
                    break;
                }
                sha256.update(part, 0, filled);
                parts.add(uploadPart(object, uploadId, parts.size() + 1, part, filled));
                if (filled < part.length) {
                    break;
                }
            }
            List<CompletedPart> all = List.copyOf(parts);
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(object).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(all)));
            completed = true;
            return new BlobWrite(key, size, HEX.formatHex(sha256.digest()));
        } finally {
            if (!completed) {
                abortQuietly(object, uploadId);
            }
        }
    }

    private CompletedPart uploadPart(String object, String uploadId, int number, byte[] part, int length) {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(object).uploadId(uploadId).partNumber(number),
                body(part, length)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    /** The first {@code length} bytes of {@code bytes}, read anew on every retry, and never copied. */
    private static RequestBody body(byte[] bytes, int length) {
        ContentStreamProvider provider = () -> new ByteArrayInputStream(bytes, 0, length);
        return RequestBody.fromContentProvider(provider, length, CONTENT_TYPE);
    }

    /**
     * Reads into {@code part} until it is full or the content ends, but never more than one byte past
     * {@code remaining}: that byte tells "exactly the limit" from "too large" without reading on.
     *
     * @return how many bytes arrived; 0 at the end of the content
     */
    private static int fill(InputStream content, byte[] part, long remaining) throws IOException {
        int wanted = remaining >= part.length ? part.length : (int) remaining + 1;
        int filled = 0;
        while (filled < wanted) {
            int read = content.read(part, filled, wanted - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    @Override
    public InputStream open(BlobKey key) {
        if (!OWN_KEY.matcher(key.value()).matches()) {
            throw noSuchBlob(key);
        }
        try {
            return s3.getObject(b -> b.bucket(bucket).key(object(key)));
        } catch (NoSuchKeyException e) {
            throw noSuchBlob(key);
        } catch (SdkException e) {
            throw new UncheckedIOException("Cannot read blob " + key + ": " + e.getMessage(), new IOException(e));
        }
    }

    @Override
    public void delete(BlobKey key) {
        if (!OWN_KEY.matcher(key.value()).matches()) {
            return;
        }
        try {
            // S3 answers a delete of a missing object with success, as the SPI wants.
            s3.deleteObject(b -> b.bucket(bucket).key(object(key)));
        } catch (SdkException e) {
            throw new UncheckedIOException("Cannot delete blob " + key + ": " + e.getMessage(), new IOException(e));
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            s3.close();
        }
    }

    @Override
    public String toString() {
        return "S3BlobStore[bucket=" + bucket + ", prefix=" + prefix + "]";
    }

    private void abortQuietly(String object, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(object).uploadId(uploadId));
        } catch (SdkException e) {
            // The bucket's lifecycle rule for incomplete multipart uploads removes the parts (docs/operations.md).
            LOG.log(Level.WARNING, "Could not abort the multipart upload of " + object + " in bucket " + bucket, e);
        }
    }

    private String object(BlobKey key) {
        return prefix + key.value();
    }

    private BlobKey newKey() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return BlobKey.of(HEX.formatHex(bits));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static UncheckedIOException noSuchBlob(BlobKey key) {
        return new UncheckedIOException(new NoSuchFileException("No blob with key " + key));
    }
}
