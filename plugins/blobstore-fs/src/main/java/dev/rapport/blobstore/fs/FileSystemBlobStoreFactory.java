package dev.rapport.blobstore.fs;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobStoreFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Creates the {@code filesystem} blob store.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code directory} (required): where the blobs go; created when missing. Several nodes may share one
 *   directory on a shared file system: keys are random, and every blob is renamed into place complete.</li>
 * </ul>
 * Partial files that a crash left behind are removed on creation once they are a day old (younger ones may be
 * uploads in progress on another node).
 */
public final class FileSystemBlobStoreFactory implements BlobStoreFactory {
    /** The id configuration refers to. */
    public static final String ID = "filesystem";
    static final String DIRECTORY = "directory";
    static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(ConfigKey.required(DIRECTORY, ConfigKey.Type.STRING,
                "where the blobs go; created when missing, and may be shared by several nodes"));
    }

    /** @throws PluginConfigException when the directory is missing, not a path, or cannot be created or written */
    @Override
    public BlobStore create(PluginContext context) {
        String instance = context.instanceName();
        String configured = context.config().string(DIRECTORY);
        Path directory;
        try {
            directory = Path.of(configured);
        } catch (InvalidPathException e) {
            throw new PluginConfigException(instance + ": " + DIRECTORY + " is not a valid path: " + e.getReason());
        }
        try {
            Files.createDirectories(directory);
            directory = directory.toRealPath();
        } catch (IOException e) {
            throw new PluginConfigException(instance + ": " + DIRECTORY + " " + directory
                    + " cannot be created: " + e);
        }
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new PluginConfigException(instance + ": " + DIRECTORY + " " + directory
                    + " is not a writable directory");
        }
        var store = new FileSystemBlobStore(directory);
        store.removePartialFilesOlderThan(context.clock().instant().minus(LEFTOVER_AGE));
        return store;
    }
}
