package dev.rapport.core.internal.plugin;

import dev.rapport.api.spi.PluginFactory;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One plugin of the plugins directory, loaded: a jar, or a directory whose jars share one class loader.
 *
 * @param path      the jar or directory
 * @param loader    its own class loader, for {@link dev.rapport.core.RapportBuilder#pluginLoader(ClassLoader)}
 * @param factories the factories it provides, at least one
 */
public record LoadedPlugin(Path path, ClassLoader loader, List<PluginFactory<?>> factories) implements AutoCloseable {
    public LoadedPlugin {
        factories = List.copyOf(factories);
    }

    /** E.g. {@code plugins/file-notifier.jar: NotifierFactory 'file'}, for the start-up log. */
    public String summary() {
        return path + ": " + factories.stream().map(LoadedPlugin::describe).collect(Collectors.joining(", "));
    }

    /**
     * Closes its class loader, releasing the jars' file handles: once every instance of its factories is closed, as
     * classes of the plugin that load later fail.
     */
    @Override
    public void close() {
        if (loader instanceof URLClassLoader closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // An open file handle is all that is left behind, and nothing else can be done about it here.
                System.getLogger(LoadedPlugin.class.getName()).log(System.Logger.Level.DEBUG,
                        "Closing the class loader of " + path + " failed", e);
            }
        }
    }

    static String describe(PluginFactory<?> factory) {
        return PluginDiscovery.extensionPoint(factory).map(Class::getSimpleName).orElse("factory") + " '"
                + factory.id() + "'";
    }
}
