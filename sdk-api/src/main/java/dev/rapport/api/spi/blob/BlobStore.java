package dev.rapport.api.spi.blob;

import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where attachment bytes live. Thread-safe: one instance serves the whole SDK, and calls may run concurrently.
 * Every operation streams; none may hold a whole blob in memory.
 */
public interface BlobStore extends AutoCloseable {
    /**
     * Streams {@code content} to its end into a new blob under a key the store chooses, counting the bytes and
     * computing their SHA-256 on the way. The blob appears under its key only complete: a crash or a failure part
     * way leaves nothing under a real key. {@code content} is not closed.
     *
     * @param maxBytes the most bytes the blob may have; at least 0
     * @return the key, the size and the SHA-256 of what was stored
     * @throws BlobTooLargeException when more than {@code maxBytes} arrive; nothing is left behind, and
     *                               {@code content} is read no further than one byte past the limit
     * @throws UncheckedIOException  when reading {@code content} or writing the blob fails; nothing is left behind.
     *                               A runtime exception thrown by {@code content} itself is rethrown unchanged, also
     *                               with nothing left behind
     */
    BlobWrite put(InputStream content, long maxBytes);

    /**
     * The content of the blob, to be read by the caller and closed when done.
     *
     * @throws UncheckedIOException when there is no such blob or it cannot be read
     */
    InputStream open(BlobKey key);

    /**
     * Deletes the blob; nothing happens when there is none with this key.
     *
     * @throws UncheckedIOException when the blob exists but cannot be deleted
     */
    void delete(BlobKey key);

    /** Releases what the store holds; idempotent. Blobs stay where they are. */
    @Override
    void close();
}
