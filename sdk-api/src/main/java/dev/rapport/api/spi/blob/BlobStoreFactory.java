package dev.rapport.api.spi.blob;

import dev.rapport.api.spi.PluginFactory;

/**
 * Creates the {@link BlobStore} the SDK keeps attachment bytes in: {@code rapport.blobs.type}; when it is not set,
 * {@code filesystem} if {@code rapport.blobs.directory} is, else the storage's
 * {@link dev.rapport.api.spi.storage.Storage#sharedBlobStoreType()}, else {@code filesystem}. The context offers
 * the SDK's storage as the host object {@code Storage.class}.
 */
public interface BlobStoreFactory extends PluginFactory<BlobStore> {
}
