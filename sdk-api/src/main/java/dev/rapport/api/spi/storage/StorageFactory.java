package dev.rapport.api.spi.storage;

import dev.rapport.api.spi.PluginFactory;

/** Creates the {@link Storage} the SDK keeps its data in. */
public interface StorageFactory extends PluginFactory<Storage> {
}
