package dev.rapport.api.spi.blob;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link BlobStore#put} stored.
 *
 * @param key    where it is, chosen by the store
 * @param size   how many bytes arrived and were stored
 * @param sha256 the SHA-256 of those bytes, 64 lower-case hex digits
 */
public record BlobWrite(BlobKey key, long size, String sha256) {
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public BlobWrite {
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }
}
