package dev.rapport.core.plugin;

import dev.rapport.api.spi.PluginFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One plugin of the plugins directory, loaded: a jar, or a directory whose jars share one class loader.
 *
 * @param path      the jar or directory
 * @param loader    its own class loader, for {@link dev.rapport.core.Rapport.Builder#pluginLoader(ClassLoader)}
 * @param factories the factories it provides, at least one
 */
public record LoadedPlugin(Path path, ClassLoader loader, List<PluginFactory<?>> factories) {
    public LoadedPlugin {
        factories = List.copyOf(factories);
    }

    /** E.g. {@code plugins/file-notifier.jar: NotifierFactory 'file'}, for the start-up log. */
    public String summary() {
        return path + ": " + factories.stream().map(LoadedPlugin::describe).collect(Collectors.joining(", "));
    }

    static String describe(PluginFactory<?> factory) {
        return PluginDiscovery.extensionPoint(factory).map(Class::getSimpleName).orElse("factory") + " '"
                + factory.id() + "'";
    }
}
