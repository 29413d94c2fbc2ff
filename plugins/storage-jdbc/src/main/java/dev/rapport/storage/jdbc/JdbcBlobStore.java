package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobTooLargeException;
import dev.rapport.api.spi.blob.BlobWrite;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs in the storage's database (tables {@code blobs} and {@code blob_chunks}), the key 128 random bits in hex.
 * A put inserts the blob's row as incomplete, then each chunk of at most {@value #CHUNK_BYTES} bytes in a short
 * transaction of its own, and marks the row complete with its size and SHA-256 last: no connection is held while
 * the client sends, memory holds one chunk, and only a complete row is ever read. A put that fails deletes its row,
 * and the chunks with it; what a crash left is swept by {@link #removeIncompleteStartedBefore}. Reading fetches one
 * chunk per query, again without holding a connection between reads.
 */
final class JdbcBlobStore implements BlobStore {
    static final int CHUNK_BYTES = 256 * 1024;
    private static final System.Logger LOG = System.getLogger(JdbcBlobStore.class.getName());
    private static final Pattern OWN_KEY = Pattern.compile("[0-9a-f]{32}");
    private static final HexFormat HEX = HexFormat.of();

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param jdbi the storage's connections, which the storage closes */
    JdbcBlobStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public BlobWrite put(InputStream content, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        var key = newKey();
        update("store", key, h -> h.createUpdate("INSERT INTO blobs (blob_key, started_at, complete) "
                        + "VALUES (:key, :at, FALSE)")
                .bind("key", key.value()).bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .execute());
        boolean stored = false;
        try {
            var sha256 = sha256();
            byte[] chunk = new byte[CHUNK_BYTES];
            long size = 0;
            for (int seq = 0; ; seq++) {
                int filled = fill(content, chunk, maxBytes - size);
                size += filled;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                if (filled == 0) {
                    break;
                }
                sha256.update(chunk, 0, filled);
                insertChunk(key, seq, filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled));
                if (filled < chunk.length) {
                    break;
                }
            }
            var written = new BlobWrite(key, size, HEX.formatHex(sha256.digest()));
            update("store", key, h -> h.createUpdate("UPDATE blobs SET complete = TRUE, size_bytes = :size, "
                            + "sha256 = :sha256 WHERE blob_key = :key")
                    .bind("size", written.size()).bind("sha256", written.sha256()).bind("key", key.value()).execute());
            stored = true;
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a blob: " + e.getMessage(), e);
        } finally {
            if (!stored) {
                deleteQuietly(key);
            }
        }
    }

    /**
     * Reads into {@code chunk} until it is full or the content ends, but never more than one byte past
     * {@code remaining}: that byte tells "exactly the limit" from "too large" without reading on.
     *
     * @return how many bytes arrived; 0 at the end of the content
     */
    private static int fill(InputStream content, byte[] chunk, long remaining) throws IOException {
        int wanted = remaining >= chunk.length ? chunk.length : (int) remaining + 1;
        int filled = 0;
        while (filled < wanted) {
            int read = content.read(chunk, filled, wanted - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    private void insertChunk(BlobKey key, int seq, byte[] bytes) {
        update("store", key, h -> h.createUpdate("INSERT INTO blob_chunks (blob_key, seq, content) "
                        + "VALUES (:key, :seq, :content)")
                .bind("key", key.value()).bind("seq", seq).bind("content", bytes).execute());
    }

    /**
     * Runs one statement in a transaction of its own. A database failure is an {@link UncheckedIOException}, as the
     * SPI wants for a blob that cannot be written; anything else (the content's own runtime exceptions never get
     * here) passes unchanged.
     */
    private void update(String action, BlobKey key, HandleConsumer<RuntimeException> statement) {
        try {
            jdbi.useHandle(statement);
        } catch (JdbiException e) {
            throw new UncheckedIOException("Cannot " + action + " blob " + key + ": " + e.getMessage(),
                    new IOException(e));
        }
    }

    @Override
    public InputStream open(BlobKey key) {
        if (!OWN_KEY.matcher(key.value()).matches()) {
            throw noSuchBlob(key);
        }
        Optional<Long> size;
        try {
            size = jdbi.withHandle(h -> h.createQuery("SELECT size_bytes FROM blobs WHERE blob_key = :key AND complete")
                    .bind("key", key.value()).mapTo(Long.class).findOne());
        } catch (JdbiException e) {
            throw new UncheckedIOException("Cannot read blob " + key + ": " + e.getMessage(), new IOException(e));
        }
        return new ChunkStream(key, size.orElseThrow(() -> noSuchBlob(key)));
    }

    @Override
    public void delete(BlobKey key) {
        if (!OWN_KEY.matcher(key.value()).matches()) {
            return;
        }
        update("delete", key, h -> h.createUpdate("DELETE FROM blobs WHERE blob_key = :key").bind("key", key.value())
                .execute());
    }

    @Override
    public void close() {
        // The connections are the storage's, and the storage closes them.
    }

    /** Deletes the blobs whose put started before {@code cutoff} and never completed: what crashed uploads left. */
    void removeIncompleteStartedBefore(Instant cutoff) {
        try {
            int removed = jdbi.withHandle(h -> h.createUpdate("DELETE FROM blobs WHERE complete = FALSE AND started_at < :cutoff")
                    .bind("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).execute());
            if (removed > 0) {
                LOG.log(Level.INFO, "Removed " + removed + " incomplete blob(s) that interrupted uploads left behind");
            }
        } catch (JdbiException e) {
            LOG.log(Level.WARNING, "Could not look for incomplete blobs left behind", e);
        }
    }

    private void deleteQuietly(BlobKey key) {
        try {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM blobs WHERE blob_key = :key").bind("key", key.value())
                    .execute());
        } catch (JdbiException e) {
            // The sweep on the next start removes it once it is old enough.
            LOG.log(Level.WARNING, "Could not delete the incomplete blob " + key, e);
        }
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

    /** A blob's content, fetched one chunk per query as it is read. */
    private final class ChunkStream extends InputStream {
        private final BlobKey key;
        private final long size;
        private byte[] chunk = new byte[0];
        private int position;
        private int nextSeq;
        private long delivered;
        private boolean closed;

        private ChunkStream(BlobKey key, long size) {
            this.key = key;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("The stream of blob " + key + " is closed");
            }
            if (len == 0) {
                return 0;
            }
            if (position == chunk.length) {
                if (delivered == size) {
                    return -1;
                }
                chunk = fetch(nextSeq++);
                position = 0;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            delivered += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - position;
        }

        @Override
        public void close() {
            closed = true;
            chunk = new byte[0];
        }

        private byte[] fetch(int seq) throws IOException {
            Optional<byte[]> found;
            try {
                found = jdbi.withHandle(h -> h.createQuery("SELECT content FROM blob_chunks WHERE blob_key = :key AND seq = :seq")
                        .bind("key", key.value()).bind("seq", seq).mapTo(byte[].class).findOne());
            } catch (JdbiException e) {
                throw new IOException("Cannot read blob " + key + ": " + e.getMessage(), e);
            }
            byte[] bytes = found.orElseThrow(() -> new IOException("Blob " + key + " was deleted while it was read"));
            if (bytes.length == 0 || delivered + bytes.length > size) {
                throw new IOException("Blob " + key + " does not hold the " + size + " bytes it was stored with");
            }
            return bytes;
        }
    }
}
