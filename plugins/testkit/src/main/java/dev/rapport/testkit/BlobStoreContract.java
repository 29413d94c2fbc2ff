package dev.rapport.testkit;

import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import dev.rapport.api.spi.blob.BlobTooLargeException;
import dev.rapport.api.spi.blob.BlobWrite;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of every {@link BlobStore}: the checks of {@link PluginContract}, and what {@link BlobStore}'s Javadoc
 * promises. Bytes come back as they were put, empty and binary content included, with their size and SHA-256; a put
 * over the limit is refused having read at most one byte past it; content that fails part way is reported as the
 * SPI says; a failed put leaves nothing behind; keys are never reused; unknown keys cannot be opened and deleting
 * them is harmless; concurrent and large puts work; {@code content} is left open for the caller.
 *
 * <p>Each check creates its stores from {@link #minimalConfig()}; a store that keeps blobs across instances (all
 * real ones do) must find them again from the same configuration. The SPI lists no blobs, so whether a failed put
 * left something behind can only be seen in the back end: override {@link #storedBlobCount(BlobStore)} to let the
 * checks look there.
 *
 * <pre>{@code
 * class FileSystemBlobStoreContractTest extends BlobStoreContract {
 *     @TempDir Path directory;
 *     protected BlobStoreFactory factory() { return new FileSystemBlobStoreFactory(); }
 *     protected Map<String, String> minimalConfig() { return Map.of("directory", directory.toString()); }
 *     protected OptionalLong storedBlobCount(BlobStore store) { return OptionalLong.of(filesUnder(directory)); }
 * }
 * }</pre>
 */
public abstract class BlobStoreContract extends PluginContract<BlobStore, BlobStoreFactory> {
    private static final long DEFAULT_LARGE_BLOB_BYTES = 50L * 1024 * 1024;
    private static final List<BlobKey> UNKNOWN_KEYS = List.of(BlobKey.of("no-such-blob"),
            BlobKey.of("0123456789abcdef0123456789abcdef"), BlobKey.of("00000000-0000-4000-8000-000000000000"));

    @Override
    protected final Class<BlobStoreFactory> extensionPoint() {
        return BlobStoreFactory.class;
    }

    /** Puts a small blob and reads it back. */
    @Override
    protected void exercise(BlobStore store) {
        byte[] bytes = "请核对发票 – please check the invoice".getBytes(StandardCharsets.UTF_8);
        BlobWrite written = store.put(Content.of(bytes), bytes.length);
        assertThat(readAll(store, written.key())).isEqualTo(bytes);
    }

    /**
     * How many blobs the store's back end holds, counting whatever a failed put could leave there (a file-system
     * store counts every file under its directory, partial ones included); empty when the test cannot look, which
     * is the default. The checks compare the count before and after a put that failed or a delete.
     */
    protected OptionalLong storedBlobCount(BlobStore store) {
        return OptionalLong.empty();
    }

    /** How many bytes the large-blob check streams through the store; 50 MiB unless overridden. */
    protected long largeBlobBytes() {
        return DEFAULT_LARGE_BLOB_BYTES;
    }

    /** Fails when the back end holds a different number of blobs than {@code before}, where the test can look. */
    protected final void assertNothingLeftBehind(BlobStore store, OptionalLong before) {
        OptionalLong after = storedBlobCount(store);
        if (before.isPresent() && after.isPresent()) {
            assertThat(after.getAsLong()).as("blobs held by the back end (storedBlobCount)")
                    .isEqualTo(before.getAsLong());
        }
    }

    /** Content goes in and comes back out byte for byte. */
    @Nested
    public class Storing {
        @Test
        void binaryContentRoundTripsByteForByte() {
            byte[] bytes = binary(200_000, 11);
            try (BlobStore store = createMinimal()) {
                BlobWrite written = store.put(Content.of(bytes), bytes.length);

                assertThat(readAll(store, written.key())).isEqualTo(bytes);
            }
        }

        @Test
        void anEmptyBlobIsABlobToo() {
            try (BlobStore store = createMinimal()) {
                BlobWrite written = store.put(Content.of(new byte[0]), 0);

                assertThat(written.size()).isZero();
                assertThat(written.sha256()).isEqualTo(sha256(new byte[0]));
                assertThat(readAll(store, written.key())).isEmpty();
            }
        }

        @Test
        void theSizeAndSha256AreThoseOfTheBytesThatArrivedHoweverTheyArrive() {
            byte[] bytes = binary(100_003, 12);
            try (BlobStore store = createMinimal()) {
                BlobWrite written = store.put(Content.of(bytes).inPiecesOfAtMost(777), 1_000_000);

                assertThat(written.size()).isEqualTo(bytes.length);
                assertThat(written.sha256()).isEqualTo(sha256(bytes));
                assertThat(readAll(store, written.key())).isEqualTo(bytes);
            }
        }

        @Test
        void twoPutsOfTheSameContentGetKeysOfTheirOwn() {
            byte[] bytes = binary(1_000, 13);
            try (BlobStore store = createMinimal()) {
                BlobWrite first = store.put(Content.of(bytes), bytes.length);
                BlobWrite second = store.put(Content.of(bytes), bytes.length);
                store.delete(first.key());

                assertThat(second.key()).isNotEqualTo(first.key());
                assertThat(readAll(store, second.key())).as("the second blob after the first was deleted")
                        .isEqualTo(bytes);
            }
        }

        @Test
        void putsFromSeveralThreadsAtOnceAllRoundTrip() {
            int threads = 8;
            int putsEach = 5;
            try (BlobStore store = createMinimal()) {
                List<Callable<List<Stored>>> tasks = IntStream.range(0, threads)
                        .<Callable<List<Stored>>>mapToObj(thread -> () -> {
                            var stored = new ArrayList<Stored>();
                            for (int i = 0; i < putsEach; i++) {
                                byte[] bytes = binary(10_000 + 1_000 * i + thread, thread * 100L + i);
                                stored.add(new Stored(store.put(Content.of(bytes), bytes.length), bytes));
                            }
                            return stored;
                        }).toList();

                List<Stored> all = Workers.runAll("blob-put", tasks).stream().flatMap(List::stream).toList();

                assertThat(all).extracting(s -> s.written().key()).hasSize(threads * putsEach).doesNotHaveDuplicates();
                for (Stored stored : all) {
                    assertThat(stored.written().sha256()).isEqualTo(sha256(stored.bytes()));
                    assertThat(readAll(store, stored.written().key())).isEqualTo(stored.bytes());
                }
            }
        }

        /**
         * Streams {@link #largeBlobBytes()} in and out, generated on the fly and digested on the way back, so the test
         * holds none of it. Whether the store holds it is not measured: no measure of the heap is reliable enough.
         */
        @Test
        void aLargeBlobIsStreamedInAndOut() {
            long size = largeBlobBytes();
            try (BlobStore store = createMinimal()) {
                BlobWrite written = store.put(Content.generated(size), size);
                try {
                    assertThat(written.size()).isEqualTo(size);
                    assertThat(written.sha256()).isEqualTo(Digested.of(Content.generated(size)).sha256());
                    try (InputStream in = store.open(written.key())) {
                        assertThat(Digested.of(in)).isEqualTo(new Digested(size, written.sha256()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } finally {
                    store.delete(written.key());
                }
            }
        }

        @Test
        void theContentIsLeftOpenForTheCaller() {
            var stored = Content.of(binary(5_000, 14));
            var refused = Content.generated(5_000);
            try (BlobStore store = createMinimal()) {
                store.put(stored, 10_000);
                assertThatThrownBy(() -> store.put(refused, 1_000)).isInstanceOf(BlobTooLargeException.class);

                assertThat(stored.closed()).as("content of a put that stored it was closed").isFalse();
                assertThat(refused.closed()).as("content of a put that refused it was closed").isFalse();
            }
        }

        @Test
        void blobsOutliveTheStoreThatWroteThem() {
            byte[] bytes = binary(3_000, 15);
            BlobWrite written;
            try (BlobStore store = createMinimal()) {
                written = store.put(Content.of(bytes), bytes.length);
            }

            try (BlobStore reopened = createMinimal()) {
                assertThat(readAll(reopened, written.key())).isEqualTo(bytes);
            }
        }
    }

    /** The most bytes a put accepts. */
    @Nested
    public class Limits {
        @Test
        void contentOfExactlyTheLimitIsStored() {
            var content = Content.generated(1_000);
            try (BlobStore store = createMinimal()) {
                BlobWrite written = store.put(content, 1_000);
                BlobWrite empty = store.put(Content.of(new byte[0]), 0);

                assertThat(written.size()).isEqualTo(1_000);
                assertThat(readAll(store, written.key())).isEqualTo(Content.generated(1_000).toByteArray());
                assertThat(empty.size()).isZero();
            }
        }

        @Test
        void contentOverTheLimitIsRefusedHavingReadAtMostOneBytePastItLeavingNothing() {
            var large = Content.generated(5_000_000);
            var oneByte = Content.generated(1);
            try (BlobStore store = createMinimal()) {
                OptionalLong before = storedBlobCount(store);

                assertThatThrownBy(() -> store.put(large, 1_000)).isInstanceOfSatisfying(BlobTooLargeException.class,
                        e -> assertThat(e.maxBytes()).isEqualTo(1_000));
                assertThatThrownBy(() -> store.put(oneByte, 0)).isInstanceOfSatisfying(BlobTooLargeException.class,
                        e -> assertThat(e.maxBytes()).isZero());

                assertThat(large.bytesRead()).as("bytes read of content over a limit of 1000")
                        .isLessThanOrEqualTo(1_001);
                assertThat(oneByte.bytesRead()).as("bytes read of content over a limit of 0").isLessThanOrEqualTo(1);
                assertNothingLeftBehind(store, before);
            }
        }
    }

    /** Content that breaks off part way. */
    @Nested
    public class FailingContent {
        @Test
        void anIOExceptionOfTheContentIsAnUncheckedIOExceptionLeavingNothing() {
            var content = Content.generated(200_000).failingAfter(100_000,
                    new IOException("connection reset by the test"));
            try (BlobStore store = createMinimal()) {
                OptionalLong before = storedBlobCount(store);

                assertThatThrownBy(() -> store.put(content, 1_000_000)).isInstanceOf(UncheckedIOException.class)
                        .hasRootCauseMessage("connection reset by the test");
                assertNothingLeftBehind(store, before);
            }
        }

        @Test
        void aRuntimeExceptionOfTheContentIsRethrownUnchangedLeavingNothing() {
            var failure = new IllegalStateException("the client went away");
            var content = Content.generated(200_000).failingAfter(100_000, failure);
            try (BlobStore store = createMinimal()) {
                OptionalLong before = storedBlobCount(store);

                assertThatThrownBy(() -> store.put(content, 1_000_000)).isSameAs(failure);
                assertNothingLeftBehind(store, before);
            }
        }
    }

    /** Keys that name no blob, or no longer do. */
    @Nested
    public class ReadingAndDeleting {
        @Test
        void openingAKeyThatNamesNoBlobIsAnUncheckedIOException() {
            try (BlobStore store = createMinimal()) {
                for (BlobKey unknown : UNKNOWN_KEYS) {
                    assertThatThrownBy(() -> store.open(unknown).close()).as(unknown.value())
                            .isInstanceOf(UncheckedIOException.class);
                }
            }
        }

        @Test
        void aDeletedBlobCannotBeOpenedAndLeavesNothingBehind() {
            try (BlobStore store = createMinimal()) {
                OptionalLong before = storedBlobCount(store);
                BlobWrite written = store.put(Content.of(binary(2_000, 16)), 2_000);
                OptionalLong holding = storedBlobCount(store);

                store.delete(written.key());

                assertThatThrownBy(() -> store.open(written.key()).close()).isInstanceOf(UncheckedIOException.class);
                assertThatCode(() -> store.delete(written.key())).as("deleting it again").doesNotThrowAnyException();
                if (before.isPresent() && holding.isPresent()) {
                    assertThat(holding.getAsLong()).as("storedBlobCount after a put")
                            .isEqualTo(before.getAsLong() + 1);
                }
                assertNothingLeftBehind(store, before);
            }
        }

        @Test
        void deletingAKeyThatNamesNoBlobChangesNothing() {
            byte[] bytes = binary(2_000, 17);
            try (BlobStore store = createMinimal()) {
                BlobWrite kept = store.put(Content.of(bytes), bytes.length);
                OptionalLong before = storedBlobCount(store);

                for (BlobKey unknown : UNKNOWN_KEYS) {
                    assertThatCode(() -> store.delete(unknown)).as(unknown.value()).doesNotThrowAnyException();
                }

                assertThat(readAll(store, kept.key())).isEqualTo(bytes);
                assertNothingLeftBehind(store, before);
            }
        }
    }

    /** The whole content of the blob under {@code key}. */
    protected static byte[] readAll(BlobStore store, BlobKey key) {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading blob " + key, e);
        }
    }

    /** The SHA-256 of {@code bytes} as 64 lower-case hex digits, computed by the JDK. */
    protected static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** Every byte value, then {@code size - 256} reproducible random bytes. */
    private static byte[] binary(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        for (int i = 0; i < Math.min(256, size); i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private record Stored(BlobWrite written, byte[] bytes) {
    }

    /** The size and SHA-256 of a stream read to its end, holding no more than a buffer of it. */
    private record Digested(long size, String sha256) {
        static Digested of(InputStream in) {
            var digest = newDigest();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                    size += read;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Digested(size, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /**
     * Content for {@link BlobStore#put}: bytes from an array or generated from their position (so that a large one
     * takes no memory), optionally arriving in small pieces or failing part way. It counts the bytes read and
     * remembers whether it was closed. Every way of reading an {@link InputStream} ends up in
     * {@link #read(byte[], int, int)}, so nothing is read past the count.
     */
    private static final class Content extends InputStream {
        private final byte[] bytes;
        private final long length;
        private final int piece;
        private final long failAt;
        private final Exception failure;
        private long position;
        private volatile boolean closed;

        private Content(byte[] bytes, long length, int piece, long failAt, Exception failure) {
            this.bytes = bytes;
            this.length = length;
            this.piece = piece;
            this.failAt = failAt;
            this.failure = failure;
        }

        static Content of(byte[] bytes) {
            return new Content(bytes, bytes.length, Integer.MAX_VALUE, Long.MAX_VALUE, null);
        }

        static Content generated(long length) {
            return new Content(null, length, Integer.MAX_VALUE, Long.MAX_VALUE, null);
        }

        /** The same content, handed out at most {@code size} bytes per read, as a slow network would. */
        Content inPiecesOfAtMost(int size) {
            return new Content(bytes, length, size, failAt, failure);
        }

        /** The same content, throwing {@code exception} (an IOException or a RuntimeException) after {@code count} bytes. */
        Content failingAfter(long count, Exception exception) {
            return new Content(bytes, length, piece, count, Objects.requireNonNull(exception));
        }

        long bytesRead() {
            return position;
        }

        /** What a fresh copy of this content holds, read to its end. */
        byte[] toByteArray() {
            try (var copy = new Content(bytes, length, Integer.MAX_VALUE, failAt, failure)) {
                return copy.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean closed() {
            return closed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position >= failAt) {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, piece), Math.min(length, failAt) - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = bytes != null ? bytes[(int) (position + i)] : byteAt(position + i);
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }

        /** A byte that depends on its position only, well mixed so that every value occurs. */
        private static byte byteAt(long position) {
            long z = (position + 1) * 0x9E3779B97F4A7C15L;
            z ^= z >>> 31;
            z *= 0xBF58476D1CE4E5B9L;
            return (byte) (z >>> 40);
        }
    }
}
