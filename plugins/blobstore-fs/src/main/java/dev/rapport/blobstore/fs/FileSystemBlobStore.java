package dev.rapport.blobstore.fs;

import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobTooLargeException;
import dev.rapport.api.spi.blob.BlobWrite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs as files: {@code <directory>/<first two key characters>/<key>}, the key 128 random bits in hex. A blob is
 * streamed into {@code <key>.part} beside its final place, synced, and renamed into place atomically, so a key
 * names either nothing or the whole blob. Keys not of that shape name no blob here, whatever they hold.
 */
final class FileSystemBlobStore implements BlobStore {
    private static final System.Logger LOG = System.getLogger(FileSystemBlobStore.class.getName());
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final String PARTIAL = ".part";
    private static final Pattern OWN_KEY = Pattern.compile("[0-9a-f]{32}");
    private static final HexFormat HEX = HexFormat.of();

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    /** @param root an existing, writable directory, as a real path */
    FileSystemBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public BlobWrite put(InputStream content, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        var key = newKey();
        Path target = file(key);
        Path partial = target.resolveSibling(key.value() + PARTIAL);
        boolean stored = false;
        try {
            Files.createDirectories(target.getParent());
            var sha256 = sha256();
            long size = 0;
            try (var out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                while (true) {
                    long remaining = maxBytes - size;
                    // One byte past the limit tells "exactly the limit" from "too large" without reading on.
                    int wanted = remaining >= buffer.length ? buffer.length : (int) remaining + 1;
                    int read = content.read(buffer, 0, wanted);
                    if (read < 0) {
                        break;
                    }
                    size += read;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    sha256.update(buffer, 0, read);
                    var chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                out.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            stored = true;
            syncDirectory(target.getParent());
            return new BlobWrite(key, size, HEX.formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a blob in " + root + ": " + e.getMessage(), e);
        } finally {
            if (!stored) {
                deleteQuietly(partial);
            }
        }
    }

    @Override
    public InputStream open(BlobKey key) {
        Path file = own(key).orElseThrow(() -> noSuchBlob(key));
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw noSuchBlob(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(BlobKey key) {
        var file = own(key);
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete blob " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // Nothing is held open between calls.
    }

    /** Removes partial files last written before {@code cutoff}: what crashed uploads left behind. */
    void removePartialFilesOlderThan(Instant cutoff) {
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> partials = Files.newDirectoryStream(shard, "*" + PARTIAL)) {
                    for (Path partial : partials) {
                        if (Files.getLastModifiedTime(partial).toInstant().isBefore(cutoff)) {
                            deleteQuietly(partial);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not look for leftover partial blobs in " + root, e);
        }
    }

    Path root() {
        return root;
    }

    /** Where the blob of {@code key} is, when the key is one this store could have made. */
    private Optional<Path> own(BlobKey key) {
        if (!OWN_KEY.matcher(key.value()).matches()) {
            return Optional.empty();
        }
        Path file = file(key);
        if (!file.normalize().startsWith(root)) {
            throw new IllegalStateException("blob path " + file + " is outside " + root);
        }
        return Optional.of(file);
    }

    private Path file(BlobKey key) {
        return root.resolve(key.value().substring(0, 2)).resolve(key.value());
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

    /** Makes the rename durable. Best effort: not every platform can open a directory to sync it (Windows cannot). */
    private static void syncDirectory(Path directory) {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.DEBUG, "Cannot sync directory " + directory, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete the partial blob " + file, e);
        }
    }

    private static UncheckedIOException noSuchBlob(BlobKey key) {
        return new UncheckedIOException(new NoSuchFileException("No blob with key " + key));
    }
}
