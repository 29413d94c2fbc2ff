package dev.rapport.api.spi.blob;

import dev.rapport.api.spi.PluginFactory;

/** Creates the {@link BlobStore} the SDK keeps attachment bytes in ({@code rapport.blobs.type}, default {@code filesystem}). */
public interface BlobStoreFactory extends PluginFactory<BlobStore> {
}
