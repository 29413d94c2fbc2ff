package dev.rapport.api.spi.blob;

/**
 * More than the allowed number of bytes arrived in {@link BlobStore#put}. The store read at most one byte past the
 * limit, stopped there, and left nothing behind.
 */
public final class BlobTooLargeException extends RuntimeException {
    private final long maxBytes;

    /** @param maxBytes the limit that was exceeded */
    public BlobTooLargeException(long maxBytes) {
        super("More than " + maxBytes + " bytes arrived", null, false, false);
        this.maxBytes = maxBytes;
    }

    /** The limit that was exceeded. */
    public long maxBytes() {
        return maxBytes;
    }
}
