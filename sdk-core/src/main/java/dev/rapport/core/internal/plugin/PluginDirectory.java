package dev.rapport.core.internal.plugin;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.core.internal.plugin.PluginDiscovery;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the plugins of a directory, each in a class loader of its own whose parent shares only the JDK and the SDK
 * API ({@link ApiOnlyClassLoader}). A plugin is a {@code .jar} file, or a subdirectory whose {@code .jar} files (a
 * plugin jar and the libraries it needs) are loaded together in one class loader. Hidden entries (names starting with
 * a dot) are skipped; anything else is refused, as is a plugin that provides no factory or a factory id another
 * plugin or the host's class path already provides for the same extension point.
 */
public final class PluginDirectory {
    private static final System.Logger LOG = System.getLogger(PluginDirectory.class.getName());

    private PluginDirectory() {
    }

    /**
     * @param host the class loader the SDK discovers its other factories in (the host's class path, with the bundled
     *             plugins), whose ids the plugins must leave alone
     * @throws PluginConfigException with a problem {@code <path>: <reason>} for every plugin that failed; no plugin
     *                               is left loaded then
     */
    public static List<LoadedPlugin> load(Path directory, ClassLoader host) {
        var problems = new ArrayList<String>();
        var loaded = new ArrayList<LoadedPlugin>();
        // The API as the SDK itself sees it, so that the plugins' factories are the SDK's extension points.
        var api = new ApiOnlyClassLoader(PluginDirectory.class.getClassLoader());
        // Whose each id is, by extension point: the class path's first, so a plugin cannot shadow a bundled one.
        var owners = new HashMap<String, String>();
        PluginDiscovery.factories(host).forEach(f -> owners.put(key(f), "the class path's " + f.getClass().getName()));
        for (Path entry : entries(directory)) {
            try {
                var plugin = loadOne(entry, api);
                claimIds(plugin, owners);
                loaded.add(plugin);
            } catch (PluginProblem e) {
                problems.add(entry + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            loaded.forEach(LoadedPlugin::close);
            throw new PluginConfigException(problems);
        }
        loaded.forEach(plugin -> LOG.log(System.Logger.Level.INFO, "Plugin " + plugin.summary()));
        return List.copyOf(loaded);
    }

    private static List<Path> entries(Path directory) {
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new PluginConfigException(directory + ": cannot be read (" + e + ")");
        }
    }

    private static LoadedPlugin loadOne(Path entry, ClassLoader api) {
        var jars = jarsOf(entry);
        var urls = new ArrayList<URL>();
        for (Path jar : jars) {
            checkJar(jar, entry);
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new PluginProblem("cannot be addressed: " + e.getMessage());
            }
        }
        var loader = new URLClassLoader("plugin " + entry.getFileName(), urls.toArray(URL[]::new), api);
        List<PluginFactory<?>> factories;
        try {
            factories = PluginDiscovery.factories(loader);
        } catch (PluginConfigException e) {
            close(loader);
            throw new PluginProblem(String.join("; ", e.problems()));
        }
        if (factories.isEmpty()) {
            close(loader);
            throw new PluginProblem("provides no plugin factory: it has no META-INF/services file for any of "
                    + PluginDiscovery.EXTENSION_POINTS.stream().map(Class::getName).toList());
        }
        return new LoadedPlugin(entry, loader, factories);
    }

    private static List<Path> jarsOf(Path entry) {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> list = Files.list(entry)) {
                var jars = list.filter(p -> isJarName(p) && Files.isRegularFile(p)).sorted().toList();
                if (jars.isEmpty()) {
                    throw new PluginProblem("a plugin directory must hold its plugin's .jar files, and holds none");
                }
                return jars;
            } catch (IOException e) {
                throw new PluginProblem("cannot be read (" + e + ")");
            }
        }
        if (!isJarName(entry)) {
            throw new PluginProblem("not a plugin: a plugin is a .jar file, or a directory of the .jar files of one "
                    + "plugin and its libraries");
        }
        return List.of(entry);
    }

    /** A jar that is no zip would otherwise only show as a class that cannot be found. */
    private static void checkJar(Path jar, Path entry) {
        try (var ignored = new JarFile(jar.toFile())) {
            // opening reads its central directory: enough to know it is a jar
        } catch (IOException | SecurityException e) {
            var which = jar.equals(entry) ? "" : " " + entry.relativize(jar);
            throw new PluginProblem("not a readable jar" + which + " (" + e.getMessage() + ")");
        }
    }

    private static void claimIds(LoadedPlugin plugin, Map<String, String> owners) {
        for (var factory : plugin.factories()) {
            var owner = owners.get(key(factory));
            if (owner != null) {
                plugin.close();
                throw new PluginProblem(LoadedPlugin.describe(factory) + " is already provided by " + owner);
            }
        }
        plugin.factories().forEach(f -> owners.put(key(f), plugin.path().toString()));
    }

    private static String key(PluginFactory<?> factory) {
        return PluginDiscovery.extensionPoint(factory).map(Class::getName).orElse("?") + " " + factory.id();
    }

    private static boolean isJarName(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    private static void close(ClassLoader loader) {
        if (loader instanceof URLClassLoader closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // the start fails anyway; an open jar handle is all this could leak
            }
        }
    }

    /** Why one plugin failed: becomes a problem of the {@link PluginConfigException}. */
    private static final class PluginProblem extends RuntimeException {
        PluginProblem(String message) {
            super(message, null, false, false);
        }
    }
}
