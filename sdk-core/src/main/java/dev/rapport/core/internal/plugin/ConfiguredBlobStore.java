package dev.rapport.core.internal.plugin;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import dev.rapport.api.spi.blob.BlobWrite;
import dev.rapport.api.spi.storage.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The blob store the host configured: {@code rapport.blobs.type} with the {@code rapport.blobs.*} settings, as
 * {@code rapport.storage.*} configures the storage. Without a type, a {@code rapport.blobs.directory} means
 * {@value #DEFAULT_TYPE}; without either, the storage's {@link Storage#sharedBlobStoreType()} (the database on
 * PostgreSQL, so that every node sharing it shares attachments too), else {@value #DEFAULT_TYPE}. A {@code filesystem} store
 * without a {@code directory} gets a fresh one under {@code java.io.tmpdir}, deleted with its content on close:
 * what an embedded, throw-away SDK (tests, demos) needs, and nothing to keep data in.
 */
public final class ConfiguredBlobStore {
    /** The configuration prefix of the blob store's settings. */
    public static final String PREFIX = "rapport.blobs.";
    static final String DEFAULT_TYPE = "filesystem";
    private static final String DIRECTORY = "directory";
    private static final System.Logger LOG = System.getLogger(ConfiguredBlobStore.class.getName());

    private ConfiguredBlobStore() {
    }

    /**
     * @param config    every configuration key of the SDK; those under {@link #PREFIX} are read
     * @param factories factories given explicitly, replacing discovered ones with the same id
     * @param storage   the SDK's storage, when it could be created: it may name the default type, and is offered
     *                  to the factory as the host object {@code Storage.class} by {@code plugins}
     * @throws PluginConfigException naming the problems: an unknown type, missing, malformed or unknown settings
     */
    public static BlobStore create(Map<String, String> config, boolean discover, List<? extends PluginFactory<?>> factories,
                                   ClassLoader loader, Plugins plugins, Optional<Storage> storage) {
        var settings = new TreeMap<String, String>();
        config.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && !key.equals(PREFIX + "type")) {
                settings.put(key.substring(PREFIX.length()), value);
            }
        });
        String type = Optional.ofNullable(config.get(PREFIX + "type"))
                .or(() -> settings.containsKey(DIRECTORY) ? Optional.empty()
                        : storage.flatMap(Storage::sharedBlobStoreType))
                .orElse(DEFAULT_TYPE);
        var factory = PluginCatalog.of(BlobStoreFactory.class, discover, factories, loader).get(type);
        if (!type.equals(DEFAULT_TYPE) || settings.containsKey(DIRECTORY)) {
            return plugins.create(factory, "blobs", settings);
        }
        Path scratch = scratchDirectory();
        settings.put(DIRECTORY, scratch.toString());
        try {
            return new OnScratchDirectory(plugins.create(factory, "blobs", settings), scratch);
        } catch (RuntimeException e) {
            delete(scratch);
            throw e;
        }
    }

    private static Path scratchDirectory() {
        try {
            return Files.createTempDirectory("rapport-blobs-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for attachments", e);
        }
    }

    private static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete the temporary attachment directory " + directory, e);
        }
    }

    /** A store on a scratch directory that goes when the store is closed. */
    private static final class OnScratchDirectory implements BlobStore {
        private final BlobStore store;
        private final Path directory;
        private boolean closed;

        private OnScratchDirectory(BlobStore store, Path directory) {
            this.store = store;
            this.directory = directory;
        }

        @Override
        public BlobWrite put(InputStream content, long maxBytes) {
            return store.put(content, maxBytes);
        }

        @Override
        public InputStream open(BlobKey key) {
            return store.open(key);
        }

        @Override
        public void delete(BlobKey key) {
            store.delete(key);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                store.close();
                ConfiguredBlobStore.delete(directory);
            }
        }
    }
}
